package dev.tenure.tools.bench.planner;

import dev.tenure.peers.PeerDistributions;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.bench.BenchAdmin;
import dev.tenure.tools.bench.BenchCommand;
import dev.tenure.tools.bench.BenchmarkFeeds;
import dev.tenure.tools.bench.ServiceProcess;
import dev.tenure.tools.bench.ServiceRun;
import dev.tenure.tools.feed.ScheduledEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures access-service's planner black-box, as deployed, replaying history:
 * <ol>
 * <li>writes {@code N} historical HR events (a year of a sample organisation, dated in the past) to
 * {@code hr-lifecycle-events};</li>
 * <li>starts the packaged service with a new application id whose offsets are set to where those events begin (so
 * it reads exactly them), a fresh state folder and the executor off;</li>
 * <li>watches the application's committed offsets through the Admin client and reports events consumed between
 * the first look that showed progress and the first that showed all {@code N}, divided by the time between;</li>
 * <li>reads the same {@code N} records with Kafka's own {@code ConsumerPerformance} on the same broker, for the
 * ratio.</li>
 * </ol>
 * Use a broker that serves only the benchmark: the events stay on {@code hr-lifecycle-events}, where any
 * access-service, equipment-service or audit-service attached to it would act on them.
 */
public final class PlannerBenchmark {

    public static final String USAGE = "bench-planner [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8085/apis/registry/v3]\n"
            + "      [--events 100000] [--warmup-events 300000]\n"
            + "      [--access-app access-service/target/quarkus-app] [--access-port 18092]\n"
            + "      [--access-jvm-options \"" + String.join(" ", PlannerBenchOptions.LAUNCHER_JVM_OPTIONS) + "\"]\n"
            + "      [--public-key PEM] [--commit-interval 100ms|service] [--poll 50ms] [--timeout 10m]\n"
            + "      [--feed-start <today-365d>] [--target 20000] [--kafka-warmup-runs 1] [--skip-kafka]\n"
            + "      [--jfr recording.jfr] [--keep] [--out report.md]\n"
            + "      (writes N events to hr-lifecycle-events: use a broker that serves only the benchmark)";

    private static final String TOPIC = Topics.HR_LIFECYCLE_EVENTS.name();
    private static final String PREFIX = "tenure-bench-planner-";

    public static PlannerBenchResult measure(PlannerBenchOptions options, PrintStream log)
            throws InterruptedException, IOException {
        Instant startedAt = Instant.now();
        BenchmarkFeeds feeds = new BenchmarkFeeds(options.feedStart());
        String tag = feeds.runTag().toLowerCase(Locale.ROOT);
        long total = (long) options.warmUpEvents() + options.events();
        log.printf("run %s: generating %,d historical events from %s (%,d to warm up, %,d measured)%n", tag, total,
                options.feedStart(), options.warmUpEvents(), options.events());
        List<ScheduledEvent> feed = feeds.scheduled((int) total);

        try (BenchAdmin admin = new BenchAdmin(options.bootstrapServers())) {
            Map<TopicPartition, Long> start = admin.endOffsets(TOPIC);
            log.printf("writing them to %s (%d partitions)%n", TOPIC, start.size());
            double writeSeconds = new HistoryWriter(options.bootstrapServers(), options.registryUrl(), log).write(feed);
            long written = BenchAdmin.beyond(admin.endOffsets(TOPIC), start);
            log.printf("written in %.2f s%s%n", writeSeconds, written == total ? ""
                    : " (warning: the topic grew by " + written + ", someone else writes to it)");

            String applicationId = PREFIX + tag;
            // A new group whose offsets begin at the benchmark's events: the service reads exactly those, not what
            // earlier runs left on the topic.
            admin.commitOffsets(applicationId, start);
            ServiceRun run = ServiceRun.create(PREFIX, applicationId, log);
            Path publicKey = options.publicKey().orElseGet(run::newKeyPair);
            List<String> jvmOptions = ServiceRun.jvmOptions(options.accessJvmOptions(), options.jfr());
            Map<String, String> environment = AccessServiceProcess.environment(options.bootstrapServers(),
                    options.registryUrl(), options.accessPort(), publicKey, applicationId, run.stateDir(),
                    options.commitInterval());
            long commandsBefore = total(admin.endOffsets(Topics.ACCESS_COMMANDS.name()));

            long serviceStarted = System.nanoTime();
            CommittedOffsetWatch.Watched watched;
            ServiceProcess service = run.start("access-service", options.accessApp(), jvmOptions, environment);
            try {
                watched = new CommittedOffsetWatch(admin, applicationId, start, options.pollInterval(), log)
                        .watch(total, options.timeout(), service::isAlive, service::cpuNanos);
            } finally {
                service.close();
            }
            long commands = total(admin.endOffsets(Topics.ACCESS_COMMANDS.name())) - commandsBefore;
            Optional<ConsumptionRate> rate = ConsumptionRate.of(watched.looks(), options.warmUpEvents(), total);
            Optional<ConsumptionRate> coldRate = options.warmUpEvents() == 0 ? Optional.empty()
                    : ConsumptionRate.of(watched.looks(), 0, options.warmUpEvents());
            // From the JVM's start to the first look that showed progress, also when the run did not complete.
            double startupSeconds = watched.looks().stream().filter(look -> look.consumed() > 0).findFirst()
                    .map(look -> (look.atNanos() - serviceStarted) / 1e9).orElse(Double.NaN);
            rate.ifPresentOrElse(
                    r -> log.printf("planner: %,d events in %.2f s = %.0f events/s, %.0f µs CPU per event; %,d commands%n",
                            r.events(), r.seconds(), r.eventsPerSecond(), r.cpuMicrosPerEvent().orElse(Double.NaN), commands),
                    () -> log.println("planner: not completed: " + watched.stoppedBecause() + "; log in "
                            + service.logFile()));
            run.cleanUp(admin, options.keep(), rate.isPresent());

            Optional<ConsumerPerformanceOutput.Summary> kafka = Optional.empty();
            if (!options.skipKafka()) {
                kafka = Optional.of(new ConsumerBaseline(options.bootstrapServers(),
                        PeerDistributions.fromBuild().kafkaClasspath(), admin, log)
                        .run(TOPIC, start, options.events(), PREFIX + "consumer-" + tag, options.kafkaWarmUpRuns()));
            }
            return new PlannerBenchResult(startedAt, options.bootstrapServers(), TOPIC, start.size(), options.events(),
                    options.warmUpEvents(), mix(feed.subList(options.warmUpEvents(), feed.size())), options.feedStart(),
                    writeSeconds, applicationId, jvmOptions, options.commitInterval(),
                    options.pollInterval(), startupSeconds, rate, coldRate, watched.stoppedBecause(), commands, options.target(), kafka);
        }
    }

    static Map<String, Long> mix(List<ScheduledEvent> feed) {
        Map<String, Long> mix = new LinkedHashMap<>();
        feed.stream().map(s -> s.event().type()).sorted()
                .forEach(type -> mix.merge(type.name(), 1L, Long::sum));
        return mix;
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    public static void main(String[] args) throws Exception {
        BenchCommand.run(args, PlannerBenchOptions::parse, PlannerBenchOptions::out,
                options -> PlannerReport.render(measure(options, System.err)));
    }

    private PlannerBenchmark() {
    }
}
