package dev.tenure.tools.bench.planner;

import dev.tenure.tools.cli.Options;
import dev.tenure.tools.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The planner benchmark's settings, from the command line.
 *
 * @param commitInterval the Streams commit interval the service runs with for the benchmark (its committed offsets
 *                       are what is watched, so they must move often); empty leaves the service's own (1 s)
 * @param accessJvmOptions the service's JVM options; by default the launcher's ({@code deploy/local} LocalService)
 * @param warmUpEvents     events of the same feed replayed before the measured ones and left out of the rate, so the
 *                         JVM's compiler has seen the planner's work (measured: after 100,000 events the C2
 *                         compiler still used a fifth of a core); 0 measures from the first progress
 */
public record PlannerBenchOptions(
        String bootstrapServers,
        String registryUrl,
        int events,
        int warmUpEvents,
        Path accessApp,
        List<String> accessJvmOptions,
        int accessPort,
        Optional<Path> publicKey,
        Optional<Duration> commitInterval,
        Duration pollInterval,
        Duration timeout,
        LocalDate feedStart,
        double target,
        int kafkaWarmUpRuns,
        boolean skipKafka,
        boolean keep,
        Optional<Path> jfr,
        Optional<Path> out) {

    public static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC");

    static final Set<String> VALUED = Set.of("bootstrap", "registry", "events", "warmup-events", "access-app", "access-jvm-options",
            "access-port", "public-key", "commit-interval", "poll", "timeout", "feed-start", "target",
            "kafka-warmup-runs", "jfr", "out");
    static final Set<String> FLAGS = Set.of("skip-kafka", "keep");

    public static PlannerBenchOptions parse(String[] args) {
        Options o = Options.parse(args, VALUED, FLAGS);
        String commit = o.string("commit-interval", "100ms");
        PlannerBenchOptions options = new PlannerBenchOptions(
                o.string("bootstrap", "127.0.0.1:9092"),
                o.string("registry", "http://127.0.0.1:8085/apis/registry/v3"),
                o.integer("events", 100_000),
                o.integer("warmup-events", 300_000),
                Path.of(o.string("access-app", "access-service/target/quarkus-app")),
                o.optional("access-jvm-options").map(PlannerBenchOptions::words).orElse(LAUNCHER_JVM_OPTIONS),
                o.integer("access-port", 18092),
                o.path("public-key"),
                commit.isBlank() || commit.equals("service") ? Optional.empty()
                        : Optional.of(o.duration("commit-interval", Duration.ofMillis(100))),
                o.duration("poll", Duration.ofMillis(50)),
                o.duration("timeout", Duration.ofMinutes(10)),
                o.date("feed-start", LocalDate.now(ZoneOffset.UTC).minusDays(365)),
                o.decimal("target", 20_000),
                o.integer("kafka-warmup-runs", 1),
                o.flag("skip-kafka"),
                o.flag("keep"),
                o.path("jfr"),
                o.path("out"));
        if (options.events < 1) {
            throw new UsageException("--events must be at least 1");
        }
        if (options.warmUpEvents < 0) {
            throw new UsageException("--warmup-events must not be negative");
        }
        if (options.pollInterval.isZero() || options.pollInterval.isNegative()) {
            throw new UsageException("--poll must be positive");
        }
        if (options.kafkaWarmUpRuns < 0) {
            throw new UsageException("--kafka-warmup-runs must not be negative");
        }
        return options;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
