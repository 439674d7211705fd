package dev.tenure.tools.bench.sle;

import dev.tenure.tools.bench.planner.PlannerBenchOptions;
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
 * The SLE benchmark's settings, from the command line.
 *
 * @param events       records of the replay that are measured (all four input topics together)
 * @param warmUpEvents records of the same replay before them, left out of the rate (the JVM compiles the topology)
 * @param settle       how long nothing may move before the run counts as done: longer than the punctuator's check
 *                     interval (5 s), which decides due cases on the wall clock
 * @param finalAfter   the SLE's {@code final-after} for the run (the service's default is P30D): the replay is a year
 *                     of history read in minutes, so a case is opened long before the outcomes that complete it are
 *                     read; with 30 days every case due more than 30 days ago would be final, and reported missed,
 *                     the moment it opens. Long enough to cover the history, the replay's cases come out as they
 *                     happened (and stay in the state, the heavier case); {@code service} keeps the service's own
 * @param readers      concurrent dashboard readers run against the service once the replay is done; 0: none
 */
public record SleBenchOptions(
        String bootstrapServers,
        String registryUrl,
        int events,
        int warmUpEvents,
        Path auditApp,
        List<String> auditJvmOptions,
        int auditPort,
        Duration pollInterval,
        Duration settle,
        Duration timeout,
        LocalDate feedStart,
        Optional<String> finalAfter,
        int kafkaWarmUpRuns,
        boolean skipKafka,
        int readers,
        Duration dashboardWarmUp,
        Duration dashboardDuration,
        boolean keep,
        Optional<Path> jfr,
        Optional<Path> out) {

    static final Set<String> VALUED = Set.of("bootstrap", "registry", "events", "warmup-events", "audit-app",
            "audit-jvm-options", "audit-port", "poll", "settle", "timeout", "feed-start", "final-after", "kafka-warmup-runs", "readers",
            "dashboard-warmup", "dashboard-duration", "jfr", "out");
    static final Set<String> FLAGS = Set.of("skip-kafka", "keep");

    public static SleBenchOptions parse(String[] args) {
        Options o = Options.parse(args, VALUED, FLAGS);
        SleBenchOptions options = new SleBenchOptions(
                o.string("bootstrap", "127.0.0.1:9092"),
                o.string("registry", "http://127.0.0.1:8085/apis/registry/v3"),
                o.integer("events", 1_000_000),
                o.integer("warmup-events", 200_000),
                Path.of(o.string("audit-app", "audit-service/target/quarkus-app")),
                o.optional("audit-jvm-options").map(SleBenchOptions::words)
                        .orElse(PlannerBenchOptions.LAUNCHER_JVM_OPTIONS),
                o.integer("audit-port", 18094),
                o.duration("poll", Duration.ofMillis(100)),
                o.duration("settle", Duration.ofSeconds(12)),
                o.duration("timeout", Duration.ofMinutes(30)),
                o.date("feed-start", LocalDate.now(ZoneOffset.UTC).minusDays(365)),
                o.string("final-after", "P400D").equals("service") ? Optional.empty()
                        : Optional.of(validDuration(o.string("final-after", "P400D"))),
                o.integer("kafka-warmup-runs", 1),
                o.flag("skip-kafka"),
                o.integer("readers", 50),
                o.duration("dashboard-warmup", Duration.ofSeconds(10)),
                o.duration("dashboard-duration", Duration.ofSeconds(60)),
                o.flag("keep"),
                o.path("jfr"),
                o.path("out"));
        if (options.events < 1) {
            throw new UsageException("--events must be at least 1");
        }
        if (options.warmUpEvents < 0 || options.readers < 0 || options.kafkaWarmUpRuns < 0) {
            throw new UsageException("--warmup-events, --readers and --kafka-warmup-runs must not be negative");
        }
        if (options.pollInterval.isZero() || options.pollInterval.isNegative()) {
            throw new UsageException("--poll must be positive");
        }
        return options;
    }

    private static String validDuration(String iso) {
        try {
            Duration.parse(iso);
            return iso;
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--final-after must be an ISO-8601 duration (P400D) or 'service', not " + iso);
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
