package dev.tenure.tools.bench.sle;

import static dev.tenure.tools.bench.MarkdownReport.integer;
import static dev.tenure.tools.bench.MarkdownReport.number;
import static dev.tenure.tools.bench.MarkdownReport.ratio;

import dev.tenure.tools.bench.planner.ConsumerPerformanceOutput;
import dev.tenure.tools.bench.planner.ConsumptionRate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

/** The SLE and dashboard benchmarks' results as Markdown, ready to paste into a README. */
public final class SleReport {

    private SleReport() {
    }

    public static String render(SleBenchResult r) {
        StringBuilder md = new StringBuilder();
        md.append("### SLE topology replay throughput (").append(r.startedAt().truncatedTo(ChronoUnit.SECONDS))
                .append(")\n\n");
        md.append("audit-service's packaged app (the audit chain off, SLE application id `").append(r.applicationId())
                .append("`, fresh state, `exactly_once_v2`, commit interval 100 ms), Kafka at `")
                .append(r.bootstrapServers()).append("`; ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared by all processes; Java ").append(System.getProperty("java.version"))
                .append("; service JVM `").append(String.join(" ", r.jvmOptions())).append("`.\n\n");
        md.append("| measure | setting | result |\n|---|---|---|\n");
        md.append("| SLE topology, ").append(r.warmUpEvents() > 0 ? "warm-up done" : "first progress")
                .append(" → all consumed and outputs settled | ").append(integer(r.events()))
                .append(" records of the four inputs").append(r.warmUpEvents() > 0
                        ? " after " + integer(r.warmUpEvents()) + " of the same replay to warm up" : "")
                .append(", offsets read every ").append(r.pollMillis()).append(" ms, settled = no offset moved for ")
                .append(number(r.settleMillis() / 1000.0, 0)).append(" s | ");
        if (r.rate().isPresent()) {
            ConsumptionRate rate = r.rate().get();
            md.append("**").append(number(rate.eventsPerSecond(), 0)).append(" records/s** (")
                    .append(integer(rate.events())).append(" in ").append(number(rate.seconds(), 2)).append(" s) |\n");
        } else {
            md.append("**not completed**: ").append(r.stoppedBecause()).append(" |\n");
        }
        r.inputsRate().ifPresent(rate -> md.append("| the inputs alone, same start → all input offsets committed | | ")
                .append(number(rate.eventsPerSecond(), 0)).append(" records/s (").append(number(rate.seconds(), 2))
                .append(" s) |\n"));
        r.rate().ifPresent(rate -> rate.cpuMicrosPerEvent().ifPresent(micros -> md
                .append("| service CPU per record | all the JVM's threads, same window | ").append(number(micros, 0))
                .append(" µs (").append(number(rate.coresUsed().orElse(0), 2)).append(" cores in use on average; ")
                .append(number(1e6 / micros, 0)).append(" records per CPU-second) |\n")));
        r.coldRate().ifPresent(cold -> md.append("| the warm-up itself, first progress → warm-up consumed | ")
                .append(integer(cold.events())).append(" records in a fresh JVM | ").append(number(cold.eventsPerSecond(), 0))
                .append(" records/s, ").append(number(cold.cpuMicrosPerEvent().orElse(Double.NaN), 0))
                .append(" µs CPU per record |\n"));
        md.append("| start-up to first progress | JVM start, Quarkus, topics check, group join, first commit | ")
                .append(Double.isNaN(r.startupSeconds()) ? "no progress" : number(r.startupSeconds(), 2) + " s")
                .append(" |\n");
        md.append("| outputs | offsets `sle-case-status` / `sle-compliance` grew by (records and transaction markers) | ")
                .append(integer(r.caseStatusGrowth())).append(" / ").append(integer(r.complianceGrowth())).append(" |\n");
        r.kafkaRecordsPerSecond().ifPresent(kafka -> {
            long records = r.kafka().values().stream().mapToLong(ConsumerPerformanceOutput.Summary::records).sum();
            double mb = r.kafka().values().stream().mapToDouble(ConsumerPerformanceOutput.Summary::megabytes).sum();
            md.append("| Kafka `ConsumerPerformance`, same records, same broker | the four topics one after the other, ")
                    .append(integer(records)).append(" records, ").append(number(mb, 1))
                    .append(" MB, a new group each | **").append(number(kafka, 0))
                    .append(" records/s** (records ÷ the sum of the fetch times, group joins excluded) |\n");
            r.rate().ifPresent(rate -> md.append("| ratio SLE topology ÷ Kafka | records/s ÷ records/s | **")
                    .append(ratio(rate.eventsPerSecond(), kafka)).append("** |\n"));
        });
        md.append('\n');
        md.append("* records per topic (warm-up and measured): ").append(join(r.perTopic())).append('\n');
        md.append("* HR events per type: ").append(join(r.lifecycleMix())).append(" (feed from ").append(r.feedStart())
                .append(")\n");
        md.append("* SLE `final-after` for the run: ").append(r.finalAfter().orElse("the service's own"))
                .append(" (the replay is a year of history; see `bench-sle --help`)\n");
        md.append("* history built in ").append(number(r.generateSeconds(), 1)).append(" s and written in ")
                .append(number(r.writeSeconds(), 1)).append(" s before the service started (not measured)\n");
        r.kafka().forEach((topic, k) -> md.append("* Kafka `").append(topic).append("`: ")
                .append(number(k.fetchRecordsPerSecond(), 0)).append(" records/s without the join: `").append(k.line())
                .append("`\n"));
        r.dashboard().ifPresent(d -> md.append('\n').append(dashboard(d, r.dashboardCpuMicrosPerRequest())));
        return md.toString();
    }

    /** The dashboard readers' run as a Markdown section. */
    public static String dashboard(DashboardLoad.Result d, double cpuMicrosPerRequest) {
        StringBuilder md = new StringBuilder();
        md.append("### Dashboard API under ").append(d.readers()).append(" concurrent readers\n\n");
        md.append("`").append(d.base()).append("/api/v1/sle/*` with an analyst's token; ").append(d.readers())
                .append(" readers, each sending its next request when the last is answered, for ")
                .append(d.duration().toSeconds()).append(" s after ").append(d.warmUp().toSeconds())
                .append(" s not recorded (every request sent in the window is recorded, however late its answer; one not "
                        + "answered within ").append(d.requestTimeout().toSeconds()).append(" s is status -1 at that "
                        + "latency); over ").append(d.agencies()).append(" agencies and ")
                .append(integer(d.caseIds())).append(" missed or at-risk cases. Latency from sending to the whole body "
                        + "(HdrHistogram).\n\n");
        md.append("| requests | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        md.append(row(d.all(), true));
        d.byKind().forEach(l -> md.append(row(l, false)));
        md.append('\n');
        md.append("* **").append(number(d.requestsPerSecond(), 1)).append(" requests/s** (")
                .append(integer(d.requests())).append(" answered inside the ").append(number(d.seconds(), 0))
                .append(" s); statuses of the requests sent in it ")
                .append(d.statuses().entrySet().stream().map(e -> e.getKey() + " × " + integer(e.getValue()))
                        .collect(Collectors.joining(", "))).append('\n');
        md.append("* what the dashboard showed (all agencies, months): ").append(String.join("; ", d.sles())).append('\n');
        if (!Double.isNaN(cpuMicrosPerRequest)) {
            md.append("* service CPU per request (all its threads): ").append(number(cpuMicrosPerRequest / 1000, 1))
                    .append(" ms\n");
        }
        if (d.firstError() != null) {
            md.append("* first error: `").append(d.firstError().replace('`', '\'').replace('\n', ' ')).append("`\n");
        }
        return md.toString();
    }

    private static String row(DashboardLoad.Latencies l, boolean bold) {
        String b = bold ? "**" : "";
        return "| " + b + l.label() + b + " | " + integer(l.count()) + " | " + ms(l.p50()) + " | " + ms(l.p95())
                + " | " + b + ms(l.p99()) + b + " | " + ms(l.max()) + " |\n";
    }

    private static String ms(long nanos) {
        return number(nanos / 1e6, nanos < 10_000_000 ? 1 : 0) + " ms";
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + integer(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
