package dev.tenure.tools.bench.access;

import dev.tenure.peers.PeerDistributions;
import dev.tenure.tools.cli.Options;
import dev.tenure.tools.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench-access}: access-service's two time-to-cut benchmarks against a real Samba AD domain controller, each
 * on a system of its own started by this tool (Kafka, registry, Samba AD, hr-events-service, access-service).
 */
public final class AccessBenchmark {

    public static final String USAGE = "bench-access --scenario termination|due-at-once [--repo-dir .]\n"
            + "      termination: [--samples 200] [--warmup-samples 20] [--background-rate 100] [--kafka-records 2000]\n"
            + "      due-at-once: [--leavers 1000] [--cut-off-after 6m]\n"
            + "  (1) immediate termination: intake HTTP acceptance -> account disabled in Samba AD, p50/p99, under a\n"
            + "      background of other HR events; with Kafka's EndToEndLatency on the same broker for scale\n"
            + "  (2) n leavers with one cut-off instant: lateness until Samba shows each account disabled";

    private static final Set<String> VALUED = Set.of("scenario", "repo-dir", "samples", "warmup-samples",
            "background-rate", "kafka-records", "leavers", "cut-off-after");

    private AccessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, VALUED, Set.of());
        Path repoDir = options.path("repo-dir").orElse(Path.of(".")).toAbsolutePath().normalize();
        PrintStream log = System.err;
        switch (options.required("scenario")) {
            case "termination" -> termination(options, repoDir, log);
            case "due-at-once" -> dueAtOnce(options, repoDir, log);
            default -> throw new UsageException("--scenario must be termination or due-at-once");
        }
        // The test kit's servers are bound to this JVM; ending it stops them.
        System.exit(0);
    }

    private static void termination(Options options, Path repoDir, PrintStream log) throws Exception {
        int samples = options.integer("samples", 200);
        int warmUp = options.integer("warmup-samples", 20);
        double rate = options.decimal("background-rate", 100);
        int kafkaRecords = options.integer("kafka-records", 2000);
        try (BenchSystem system = BenchSystem.start(repoDir, Map.of(), log)) {
            TerminationLatencyRun.Result result = new TerminationLatencyRun(system, log).run(samples, warmUp, rate);
            log.printf("kafka baseline: %s, %,d records%n", KafkaEndToEndLatency.TOOL, kafkaRecords);
            KafkaEndToEndLatency.Summary kafka = KafkaEndToEndLatency.run(
                    PeerDistributions.fromBuild().kafkaClasspath(), system.bootstrapServers(), kafkaRecords);
            System.out.println(AccessBenchReport.termination(result, kafka));
        }
    }

    private static void dueAtOnce(Options options, Path repoDir, PrintStream log) throws Exception {
        int leavers = options.integer("leavers", 1000);
        DueAtOnceRun.CutOff cutOff = DueAtOnceRun.CutOff.after(options.duration("cut-off-after", Duration.ofMinutes(6)));
        log.printf("the cut-off of every leaver: %s (%s %s in %s)%n", cutOff.at(), cutOff.endDate(),
                cutOff.localTime(), DueAtOnceRun.ZONE);
        try (BenchSystem system = BenchSystem.start(repoDir, cutOff.accessSettings(), log)) {
            DueAtOnceRun.Result result = new DueAtOnceRun(system, log).run(leavers, cutOff);
            System.out.println(AccessBenchReport.dueAtOnce(result));
        }
    }
}
