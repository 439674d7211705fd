package dev.tenure.tools.bench.sle;

import dev.tenure.peers.PeerDistributions;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.auth.KeyPairFiles;
import dev.tenure.tools.bench.BenchAdmin;
import dev.tenure.tools.bench.BenchCommand;
import dev.tenure.tools.bench.BenchmarkFeeds;
import dev.tenure.tools.bench.ServiceProcess;
import dev.tenure.tools.bench.ServiceRun;
import dev.tenure.tools.bench.planner.ConsumerBaseline;
import dev.tenure.tools.bench.planner.ConsumerPerformanceOutput;
import dev.tenure.tools.bench.planner.ConsumptionRate;
import dev.tenure.tools.bench.planner.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures the SLE compliance topology black-box, as deployed, on a replay:
 * <ol>
 * <li>writes {@code N} records of history (a sample organisation's year: its HR events and what access-service and
 * equipment-service wrote for them, {@link SleReplay}) to the four topics the topology reads;</li>
 * <li>starts the packaged audit-service with the audit chain off (a Streams application of its own, not the one
 * measured) and a new SLE application id whose offsets are set to where those records begin (and to the end of
 * {@code sle-case-status}, which it reads back), with a fresh state folder;</li>
 * <li>watches the application through the broker ({@link SleProgressWatch}) until every record is consumed and its
 * outputs have settled, and reads the service's CPU time from the operating system;</li>
 * <li>optionally runs {@link DashboardLoad}'s readers against the service's dashboard API, over that state;</li>
 * <li>reads the same records with Kafka's own {@code ConsumerPerformance} on the same broker, for the ratio.</li>
 * </ol>
 * Use a broker that serves only the benchmark: the records stay on the topics, where any other service would act on
 * them.
 */
public final class SleBenchmark {

    public static final String USAGE = "bench-sle [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8085/apis/registry/v3]\n"
            + "      [--events 1000000] [--warmup-events 200000]\n"
            + "      [--audit-app audit-service/target/quarkus-app] [--audit-port 18094]\n"
            + "      [--audit-jvm-options \"-Xms32m -Xmx512m -XX:+UseSerialGC\"] [--poll 100ms] [--settle 12s] [--timeout 30m]\n"
            + "      [--feed-start <today-365d>] [--final-after P400D|service] [--kafka-warmup-runs 1] [--skip-kafka]\n"
            + "      [--readers 50] [--dashboard-warmup 10s] [--dashboard-duration 60s] [--jfr rec.jfr] [--keep] [--out report.md]\n"
            + "      (writes N records to hr-lifecycle-events, access-commands, access-events and equipment-events:\n"
            + "       use a broker that serves only the benchmark)";

    private static final String PREFIX = "tenure-bench-sle-";

    public static SleBenchResult measure(SleBenchOptions options, PrintStream log)
            throws InterruptedException, IOException {
        Instant startedAt = Instant.now();
        BenchmarkFeeds feeds = new BenchmarkFeeds(options.feedStart());
        String tag = feeds.runTag().toLowerCase(Locale.ROOT);
        int total = options.warmUpEvents() + options.events();
        log.printf("run %s: building %,d records of history from %s (%,d to warm up, %,d measured)%n", tag, total,
                options.feedStart(), options.warmUpEvents(), options.events());
        long generating = System.nanoTime();
        SleReplay replay = SleReplay.generate(feeds, total, startedAt, new SecureRandom().nextLong(), log);
        double generateSeconds = (System.nanoTime() - generating) / 1e9;
        Map<String, Long> perTopic = SleReplay.perTopic(replay.records());
        Map<String, Long> lifecycleMix = SleReplay.lifecycleMix(replay.records());
        log.printf("built in %.1f s: %s%n", generateSeconds, perTopic);

        try (BenchAdmin admin = new BenchAdmin(options.bootstrapServers())) {
            Map<TopicPartition, Long> inputStart = new HashMap<>();
            for (String topic : SleReplay.INPUTS) {
                inputStart.putAll(admin.endOffsets(topic));
            }
            Map<TopicPartition, Long> caseStatusStart = admin.endOffsets(Topics.SLE_CASE_STATUS.name());
            Map<TopicPartition, Long> complianceStart = admin.endOffsets(Topics.SLE_COMPLIANCE.name());
            log.println("writing them");
            double writeSeconds = replay.write(options.bootstrapServers(), options.registryUrl(), log);
            replay.records().clear(); // the records are on the broker now: no need to hold a gigabyte during the run
            Map<TopicPartition, Long> inputEnd = new HashMap<>();
            for (String topic : SleReplay.INPUTS) {
                inputEnd.putAll(admin.endOffsets(topic));
            }
            long written = BenchAdmin.beyond(inputEnd, inputStart);
            log.printf("written in %.2f s%s%n", writeSeconds, written == total ? ""
                    : " (warning: the topics grew by " + written + ", someone else writes to them)");

            String applicationId = PREFIX + tag;
            Map<TopicPartition, Long> groupStart = new HashMap<>(inputStart);
            groupStart.putAll(caseStatusStart); // read back only the statuses this run writes
            admin.commitOffsets(applicationId, groupStart);
            ServiceRun run = ServiceRun.create(PREFIX, applicationId, log);
            Path publicKey = run.newKeyPair();
            List<String> jvmOptions = ServiceRun.jvmOptions(options.auditJvmOptions(), options.jfr());
            Map<String, String> environment = environment(options.bootstrapServers(), options.registryUrl(),
                    options.auditPort(), publicKey, applicationId, run.stateDir());
            options.finalAfter().ifPresent(value -> environment.put("TENURE_AUDIT_SLE_FINAL_AFTER", value));

            long serviceStarted = System.nanoTime();
            SleProgressWatch.Watched watched;
            Optional<DashboardLoad.Result> dashboard = Optional.empty();
            double dashboardCpu = Double.NaN;
            ServiceProcess service = run.start("audit-service", options.auditApp(), jvmOptions, environment);
            try {
                watched = new SleProgressWatch(admin, applicationId, inputStart, caseStatusStart, complianceStart,
                        options.pollInterval(), log).watch(total, options.settle(), options.timeout(), service::isAlive,
                        service::cpuNanos);
                if (watched.done() != null && options.readers() > 0) {
                    String token = new JwtMinter(KeyPairFiles.readPrivateKey(run.keysDir()
                            .resolve(KeyPairFiles.PRIVATE_KEY_FILE)), JwtMinter.DEFAULT_ISSUER)
                            .mint(new Caller("bench-analyst", List.of("analyst"), null), Duration.ofHours(2));
                    long cpuBefore = service.cpuNanos();
                    DashboardLoad.Result result = new DashboardLoad("http://127.0.0.1:" + options.auditPort(), token,
                            Duration.ofSeconds(60), log).run(options.readers(), options.dashboardWarmUp(), options.dashboardDuration());
                    long cpuAfter = service.cpuNanos();
                    dashboard = Optional.of(result);
                    // CPU over the warm-up and the measured window, per request answered in both (approximately:
                    // the warm-up's requests are counted at the measured rate)
                    double window = (options.dashboardWarmUp().toNanos() + options.dashboardDuration().toNanos()) / 1e9;
                    if (cpuBefore >= 0 && cpuAfter >= 0 && result.requestsPerSecond() > 0) {
                        dashboardCpu = (cpuAfter - cpuBefore) / 1e3 / (result.requestsPerSecond() * window);
                    }
                    log.printf("dashboard: %,.0f requests/s, p99 %.1f ms%n", result.requestsPerSecond(),
                            result.all().p99() / 1e6);
                }
            } finally {
                service.close();
            }

            List<Progress> progress = watched.looks().stream()
                    .map(look -> new Progress(look.atNanos(), look.consumed(), look.cpuNanos())).toList();
            Optional<ConsumptionRate> inputsRate = ConsumptionRate.of(progress, options.warmUpEvents(), total);
            Optional<ConsumptionRate> rate = Optional.empty();
            if (watched.done() != null) {
                long opensAt = Math.max(1, options.warmUpEvents());
                Optional<Progress> first = progress.stream().filter(p -> p.consumed() >= opensAt).findFirst();
                SleProgressWatch.Look done = watched.done();
                rate = first.map(f -> new ConsumptionRate(total, f, new Progress(done.atNanos(), done.consumed(),
                        done.cpuNanos())));
            }
            Optional<ConsumptionRate> coldRate = options.warmUpEvents() == 0 ? Optional.empty()
                    : ConsumptionRate.of(progress, 0, options.warmUpEvents());
            double startupSeconds = progress.stream().filter(p -> p.consumed() > 0).findFirst()
                    .map(p -> (p.atNanos() - serviceStarted) / 1e9).orElse(Double.NaN);
            SleProgressWatch.Look last = watched.looks().isEmpty() ? null
                    : watched.looks().get(watched.looks().size() - 1);
            rate.ifPresentOrElse(
                    r -> log.printf("SLE topology: %,d records in %.2f s = %.0f records/s, %.0f µs CPU per record%n",
                            r.events(), r.seconds(), r.eventsPerSecond(), r.cpuMicrosPerEvent().orElse(Double.NaN)),
                    () -> log.println("SLE topology: not completed: " + watched.stoppedBecause() + "; log in "
                            + service.logFile()));
            run.cleanUp(admin, options.keep(), rate.isPresent());

            Map<String, ConsumerPerformanceOutput.Summary> kafka = new LinkedHashMap<>();
            if (!options.skipKafka()) {
                ConsumerBaseline baseline = new ConsumerBaseline(options.bootstrapServers(),
                        PeerDistributions.fromBuild().kafkaClasspath(), admin, log);
                for (String topic : SleReplay.INPUTS) {
                    Map<TopicPartition, Long> start = new HashMap<>();
                    inputStart.forEach((partition, offset) -> {
                        if (partition.topic().equals(topic)) {
                            start.put(partition, offset);
                        }
                    });
                    log.printf("kafka baseline: %s (%,d records)%n", topic, perTopic.get(topic));
                    kafka.put(topic, baseline.run(topic, start, perTopic.get(topic),
                            PREFIX + "consumer-" + tag + "-" + topic, options.kafkaWarmUpRuns()));
                }
            }
            return new SleBenchResult(startedAt, options.bootstrapServers(), options.events(), options.warmUpEvents(),
                    perTopic, lifecycleMix, options.feedStart(), options.finalAfter(), generateSeconds, writeSeconds, applicationId,
                    jvmOptions, options.pollInterval().toMillis(), options.settle().toMillis(), startupSeconds,
                    inputsRate, rate, coldRate, watched.stoppedBecause(), last == null ? 0 : last.caseStatusEnd(),
                    last == null ? 0 : last.complianceEnd(), kafka, dashboard, dashboardCpu);
        }
    }

    /**
     * The launcher's environment for audit-service, plus what makes a run a fresh, SLE-only one: a new SLE
     * application id and state folder, the audit chain off.
     */
    static Map<String, String> environment(String bootstrapServers, String registryUrl, int httpPort, Path publicKey,
                                           String applicationId, Path stateDir) {
        Map<String, String> env = ServiceProcess.launcherEnvironment(bootstrapServers, registryUrl, httpPort, publicKey);
        env.put("TENURE_AUDIT_SLE_APPLICATION_ID", applicationId);
        env.put("TENURE_AUDIT_STATE_DIR", stateDir.toAbsolutePath().toString());
        env.put("TENURE_AUDIT_ADVERTISED_HOST", "127.0.0.1");
        env.put("TENURE_AUDIT_CHAIN_ENABLED", "false");
        return env;
    }

    public static void main(String[] args) throws Exception {
        BenchCommand.run(args, SleBenchOptions::parse, SleBenchOptions::out,
                options -> SleReport.render(measure(options, System.err)));
    }

    private SleBenchmark() {
    }
}
