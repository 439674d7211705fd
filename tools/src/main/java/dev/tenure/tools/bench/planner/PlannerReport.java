package dev.tenure.tools.bench.planner;

import static dev.tenure.tools.bench.MarkdownReport.integer;
import static dev.tenure.tools.bench.MarkdownReport.number;
import static dev.tenure.tools.bench.MarkdownReport.ratio;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

/** The planner benchmark's results as a Markdown section, ready to paste into a README. */
public final class PlannerReport {

    private PlannerReport() {
    }

    public static String render(PlannerBenchResult r) {
        StringBuilder md = new StringBuilder();
        md.append("### Planner replay throughput (").append(r.startedAt().truncatedTo(ChronoUnit.SECONDS)).append(")\n\n");
        md.append("access-service's packaged app (executor off, application id `").append(r.applicationId())
                .append("`, fresh state), Kafka at `").append(r.bootstrapServers()).append("` (`").append(r.topic())
                .append("`: ").append(r.partitions()).append(" partitions); ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared by all processes; Java ")
                .append(System.getProperty("java.version")).append(".\n\n");
        md.append("| measure | setting | result |\n|---|---|---|\n");
        md.append("| planner replay, ").append(r.warmUpEvents() > 0 ? "warm-up done" : "first progress")
                .append(" → all consumed | ").append(integer(r.events()))
                .append(" historical HR events").append(r.warmUpEvents() > 0
                        ? " after " + integer(r.warmUpEvents()) + " of the same feed to warm up" : "")
                .append(" (feed from ").append(r.feedStart()).append("), commit interval ")
                .append(r.commitInterval().map(d -> d.toMillis() + " ms").orElse("as configured"))
                .append(", offsets read every ").append(r.pollInterval().toMillis()).append(" ms, JVM `")
                .append(String.join(" ", r.jvmOptions())).append("` | ");
        if (r.rate().isPresent()) {
            ConsumptionRate rate = r.rate().get();
            md.append("**").append(number(rate.eventsPerSecond(), 0)).append(" events/s** (")
                    .append(integer(rate.events())).append(" events in ").append(number(rate.seconds(), 2)).append(" s) |\n");
            md.append("| against the target | ≥ ").append(number(r.target(), 0)).append(" events/s | ")
                    .append(rate.eventsPerSecond() >= r.target() ? "**met**" : "**not met**").append(" (")
                    .append(number(100 * rate.eventsPerSecond() / r.target(), 0)).append(" % of the target) |\n");
        } else {
            md.append("**not completed**: ").append(r.stoppedBecause()).append(" |\n");
        }
        r.coldRate().ifPresent(cold -> md.append("| the warm-up itself, first progress → warm-up done | ")
                .append(integer(cold.events())).append(" events in a fresh JVM | ").append(number(cold.eventsPerSecond(), 0))
                .append(" events/s, ").append(number(cold.cpuMicrosPerEvent().orElse(Double.NaN), 0))
                .append(" µs CPU per event |\n"));
        r.rate().ifPresent(rate -> {
            if (rate.cpuMicrosPerEvent().isPresent()) {
                double micros = rate.cpuMicrosPerEvent().getAsDouble();
                md.append("| service CPU per event | all the JVM's threads, same window | ").append(number(micros, 0))
                        .append(" µs (").append(number(rate.coresUsed().orElse(0), 2)).append(" cores in use on average; ")
                        .append(number(1e6 / micros, 0)).append(" events per CPU-second) |\n");
            }
        });
        md.append("| start-up to first progress | JVM start, Quarkus, group join, first fetch and commit | ")
                .append(Double.isNaN(r.startupSeconds()) ? "no progress" : number(r.startupSeconds(), 2) + " s").append(" |\n");
        md.append("| commands produced | records added to `access-commands` during the run | ")
                .append(integer(r.commandsProduced())).append(" (").append(number(r.commandsProduced()
                        / (double) (r.events() + r.warmUpEvents()), 2))
                .append(" per event) |\n");
        if (r.kafka().isPresent()) {
            ConsumerPerformanceOutput.Summary k = r.kafka().get();
            md.append("| Kafka `ConsumerPerformance`, same records, same broker | ").append(integer(k.records()))
                    .append(" records, ").append(number(k.megabytes(), 1)).append(" MB, new group | **")
                    .append(number(k.fetchRecordsPerSecond(), 0)).append(" records/s** excluding the group join (")
                    .append(number(k.recordsPerSecond(), 0)).append(" records/s with the join's ")
                    .append(integer(k.rebalanceMs())).append(" ms) |\n");
            if (r.rate().isPresent()) {
                md.append("| ratio planner ÷ Kafka | events/s ÷ records/s excluding the join | ")
                        .append(ratio(r.rate().get().eventsPerSecond(), k.fetchRecordsPerSecond())).append(" |\n");
            }
        }
        md.append('\n');
        md.append("* event mix: ").append(mix(r.mix())).append('\n');
        md.append("* history written to `").append(r.topic()).append("` in ").append(number(r.writeSeconds(), 2))
                .append(" s before the service started (not measured)\n");
        if (r.kafka().isPresent()) {
            md.append("* Kafka summary: `").append(r.kafka().get().line()).append("`\n");
        }
        return md.toString();
    }

    static String mix(Map<String, Long> mix) {
        return mix.entrySet().stream().map(e -> e.getKey() + " " + integer(e.getValue())).collect(Collectors.joining(", "));
    }
}
