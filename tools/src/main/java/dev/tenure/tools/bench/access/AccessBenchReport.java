package dev.tenure.tools.bench.access;

import dev.tenure.tools.bench.LatencySummary;
import dev.tenure.tools.bench.LoadResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The access benchmarks' results as Markdown sections, ready to paste into access-service's README. */
final class AccessBenchReport {

    static final double TERMINATION_P99_TARGET_MS = 250;
    static final double DUE_AT_ONCE_TARGET_S = 30;

    private AccessBenchReport() {
    }

    static String termination(TerminationLatencyRun.Result r, KafkaEndToEndLatency.Summary kafka) {
        LatencySummary a = r.fromAcceptance();
        LatencySummary s = r.fromSend();
        LoadResult bg = r.background();
        StringBuilder md = header("Immediate termination → disabled in Samba AD");
        md.append("| measure | result |\n|---|---|\n");
        md.append(row("terminations measured (after " + r.warmUp() + " discarded)", Integer.toString(a.count())));
        md.append(row("intake 202 → Samba shows ACCOUNTDISABLE", "p50 " + ms(a.p50()) + " · p90 " + ms(a.p90())
                + " · **p99 " + ms(a.p99()) + "** · max " + ms(a.max()) + " — target p99 < "
                + format(TERMINATION_P99_TARGET_MS, 0) + " ms: **" + (millis(a.p99()) < TERMINATION_P99_TARGET_MS
                ? "met" : "missed") + "**"));
        md.append(row("request sent → disabled (includes the intake)", "p50 " + ms(s.p50()) + " · p99 " + ms(s.p99())
                + " · max " + ms(s.max())));
        TerminationLatencyRun.Hops h = r.hops();
        md.append(row("by hop (" + h.count() + " read back from the topics; wall clocks, ms resolution)",
                "202 → disable on `access-commands`: p50 " + ms(h.toCommand().p50()) + " · p99 " + ms(h.toCommand().p99())
                + "; → outcome's `effectiveAt`: p50 " + ms(h.toDirectory().p50()) + " · p99 "
                + ms(h.toDirectory().p99()) + "; → seen by the probe: p50 " + ms(h.toProbe().p50()) + " · p99 "
                + ms(h.toProbe().p99())));
        md.append(row("directory changes reported on `access-events` during the whole run (setup, background, "
                + "terminations)", Integer.toString(h.outcomes())));
        md.append(row("background: other HR events through the intake", format(bg.offeredRate(), 0) + "/s offered, "
                + format(bg.acceptedPerSecond(), 1) + "/s accepted (" + bg.accepted() + " of " + bg.scheduled()
                + "; answers " + bg.statusCounts() + ", " + bg.failures() + " without an answer), intake p99 "
                + ms(bg.latency().p99()) + (bg.samples().isEmpty() ? "" : "; e.g. " + bg.samples().values().iterator()
                .next().replace('|', '/').replace('\n', ' '))));
        md.append(row("setup: accounts created and enabled in Samba", r.people() + " people in "
                + format(r.setup().toMillis() / 1000.0, 1) + " s"));
        md.append(row("Kafka `EndToEndLatency` (one hop, acks=all, " + kafka.records() + " records)", "avg "
                + format(kafka.averageMs(), 2) + " ms · p50 " + format(kafka.p50Ms(), 0) + " ms · p99 "
                + format(kafka.p99Ms(), 0) + " ms"));
        md.append(row("ratio: termination p50 / Kafka one-hop p50", ratio(millis(a.p50()), kafka.p50Ms())));
        return md.toString();
    }

    static String dueAtOnce(DueAtOnceRun.Result r) {
        LatencySummary l = r.lateness();
        StringBuilder md = header("Leavers due at the same instant → disabled in Samba AD");
        md.append("| measure | result |\n|---|---|\n");
        md.append(row("leavers, one cut-off", r.leavers() + " at " + r.cutOff().at() + " (" + r.cutOff().endDate()
                + " " + r.cutOff().localTime() + " " + DueAtOnceRun.ZONE + "), submitted "
                + format(r.submittedBeforeCutOff().toMillis() / 1000.0, 1) + " s before"));
        md.append(row("lateness, cut-off → Samba shows ACCOUNTDISABLE (read every second)", "first "
                + seconds(r.firstDisabled()) + " · p50 " + format(millis(l.p50()) / 1000, 2) + " s · p99 "
                + format(millis(l.p99()) / 1000, 2) + " s · **max " + seconds(r.lastDisabled()) + "** — target max < "
                + format(DUE_AT_ONCE_TARGET_S, 0) + " s: **" + (r.lastDisabled().toMillis() < DUE_AT_ONCE_TARGET_S * 1000
                ? "met" : "missed") + "**"));
        md.append(row("disables per second at the cut-off", format(r.leavers()
                / Math.max(0.001, r.lastDisabled().toMillis() / 1000.0), 0)));
        md.append(row("setup: accounts created and enabled in Samba", r.leavers() + " people in "
                + seconds(r.setup())));
        return md.toString();
    }

    private static StringBuilder header(String title) {
        return new StringBuilder("### ").append(title).append(" (").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(")\n\n").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared by every process (Kafka, registry, Samba, both services, this tool); Java ")
                .append(System.getProperty("java.version")).append(".\n\n");
    }

    private static String row(String measure, String result) {
        return "| " + measure + " | " + result + " |\n";
    }

    private static double millis(long nanos) {
        return LatencySummary.millis(nanos);
    }

    private static String ms(long nanos) {
        return format(millis(nanos), 1) + " ms";
    }

    private static String seconds(Duration duration) {
        return format(duration.toMillis() / 1000.0, 2) + " s";
    }

    private static String ratio(double ours, double kafka) {
        return kafka <= 0 ? "n/a (Kafka's p50 rounds to 0 ms)" : "1 : " + format(ours / kafka, 1);
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
