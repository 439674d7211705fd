package dev.tenure.tools.bench.access;

import dev.tenure.tools.bench.LatencyRecorder;
import dev.tenure.tools.bench.LatencySummary;
import dev.tenure.tools.feed.FeedEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (2): {@code n} leavers whose cut-off is the same instant. access-service is started with its cut-off time
 * ({@code TENURE_ACCESS_CUT_OFF_AT}) set a few minutes ahead; the leavers are submitted through the intake before it,
 * with that day as their end date in one zone; then the directory is read every {@value #POLL_MS} ms, and each
 * person's lateness is when Samba first showed their account disabled minus the cut-off.
 */
final class DueAtOnceRun {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    // Each read is a paged search of every leaver: often enough for a 30 s target, rare enough not to slow Samba down.
    private static final long POLL_MS = 1000;
    private static final Duration GIVE_UP_AFTER_CUT_OFF = Duration.ofMinutes(15);

    /** The cut-off instant every leaver shares, and how access-service is told about it. */
    record CutOff(Instant at, LocalDate endDate, LocalTime localTime) {
        static CutOff after(Duration delay) {
            ZonedDateTime local = ZonedDateTime.now(ZONE).plus(delay).truncatedTo(ChronoUnit.SECONDS);
            return new CutOff(local.toInstant(), local.toLocalDate(), local.toLocalTime());
        }

        Map<String, String> accessSettings() {
            return Map.of("TENURE_ACCESS_CUT_OFF_AT", localTime.toString());
        }
    }

    /** What the run measured; lateness of each account from the cut-off to the directory showing it disabled. */
    record Result(int leavers, CutOff cutOff, Duration setup, Duration submittedBeforeCutOff, LatencySummary lateness,
                  Duration firstDisabled, Duration lastDisabled) {
    }

    private final BenchSystem system;
    private final PrintStream log;

    DueAtOnceRun(BenchSystem system, PrintStream log) {
        this.system = system;
        this.log = log;
    }

    Result run(int leavers, CutOff cutOff) throws Exception {
        BenchPeople people = BenchPeople.joinedLongAgo("D", leavers, cutOff.endDate(), ZONE.getId());
        try (IntakeSubmissions intake = new IntakeSubmissions(system.intakeUri(), system.hrisToken());
             DirectoryProbe probe = new DirectoryProbe(system.samba())) {
            log.printf("setup: %,d joiners who started long ago, through the intake's CSV import%n", leavers);
            intake.importAll(people.joiners());
            Duration allowed = Duration.between(Instant.now(), cutOff.at()).minusSeconds(30);
            Duration setup = AccountsReady.await(probe, people, allowed, log);
            log.printf("setup: %,d accounts enabled in Samba after %.1f s%n", leavers, setup.toMillis() / 1000.0);

            List<FeedEvent> leaverEvents = people.joiners().stream()
                    .map(joiner -> BenchPeople.leaver(joiner, cutOff.endDate(), ZONE.getId(), false)).toList();
            intake.importAll(leaverEvents);
            Duration ahead = Duration.between(Instant.now(), cutOff.at());
            log.printf("%,d leavers accepted %.1f s before their cut-off at %s (%s %s)%n", leavers,
                    ahead.toMillis() / 1000.0, cutOff.at(), cutOff.endDate(), cutOff.localTime());
            if (ahead.isNegative()) {
                throw new IllegalStateException("the leavers were accepted after their cut-off: give --cut-off-after more");
            }
            long early = probe.userAccountControls(people.prefix()).values().stream().filter(DirectoryProbe::disabled)
                    .count();
            if (early > 0) {
                throw new IllegalStateException(early + " accounts were disabled before the cut-off");
            }
            Map<String, Instant> disabledAt = watch(probe, people, cutOff);
            LatencyRecorder lateness = new LatencyRecorder();
            disabledAt.values().forEach(at -> lateness.record(Duration.between(cutOff.at(), at).toNanos()));
            Instant first = disabledAt.values().stream().min(Instant::compareTo).orElseThrow();
            Instant last = disabledAt.values().stream().max(Instant::compareTo).orElseThrow();
            return new Result(leavers, cutOff, setup, ahead, lateness.summary(), Duration.between(cutOff.at(), first),
                    Duration.between(cutOff.at(), last));
        }
    }

    /** When each account was first seen disabled, reading the whole set every {@value #POLL_MS} ms. */
    private Map<String, Instant> watch(DirectoryProbe probe, BenchPeople people, CutOff cutOff) throws Exception {
        Map<String, Instant> disabledAt = new HashMap<>();
        Instant giveUp = cutOff.at().plus(GIVE_UP_AFTER_CUT_OFF);
        long lastReport = System.nanoTime();
        while (disabledAt.size() < people.joiners().size()) {
            Map<String, Integer> accounts = probe.userAccountControls(people.prefix());
            Instant seen = Instant.now();
            accounts.forEach((person, uac) -> {
                if (DirectoryProbe.disabled(uac)) {
                    disabledAt.putIfAbsent(person, seen);
                }
            });
            if (seen.isAfter(giveUp)) {
                throw new IllegalStateException("only " + disabledAt.size() + " of " + people.joiners().size()
                        + " accounts disabled " + GIVE_UP_AFTER_CUT_OFF.toMinutes() + " min after the cut-off");
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
                log.printf("  %,d of %,d disabled%n", disabledAt.size(), people.joiners().size());
                lastReport = System.nanoTime();
            }
            Thread.sleep(POLL_MS);
        }
        return disabledAt;
    }
}
