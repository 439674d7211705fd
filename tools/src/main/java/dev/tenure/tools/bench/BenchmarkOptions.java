package dev.tenure.tools.bench;

import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.cli.Options;
import dev.tenure.tools.cli.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The benchmark's settings, from the command line. */
public record BenchmarkOptions(
        URI base,
        Path privateKey,
        String issuer,
        String audience,
        String subject,
        String bootstrapServers,
        String hrTopic,
        int fallbackPartitions,
        double rate,
        Duration warmUp,
        Duration duration,
        int maxInFlight,
        int connections,
        Duration requestTimeout,
        boolean tokenPerRequest,
        List<Integer> importRows,
        int importWarmUpRows,
        Duration importTimeout,
        long kafkaRecords,
        long kafkaWarmUpRecords,
        int recordSize,
        LocalDate feedStart,
        boolean skipSingle,
        boolean skipImport,
        boolean skipKafka,
        Optional<Path> out) {

    static final Set<String> VALUED = Set.of("base", "key", "issuer", "audience", "sub", "bootstrap", "hr-topic",
            "partitions", "rate", "warmup", "duration", "max-in-flight", "connections", "timeout", "import-rows", "import-warmup-rows",
            "import-timeout", "kafka-records", "kafka-warmup-records", "record-size", "feed-start", "out");
    static final Set<String> FLAGS = Set.of("token-per-request", "skip-single", "skip-import", "skip-kafka");

    public static BenchmarkOptions parse(String[] args) {
        Options o = Options.parse(args, VALUED, FLAGS);
        List<Integer> importRows = new ArrayList<>();
        for (String rows : o.list("import-rows", List.of("20000", "100000"))) {
            try {
                importRows.add(Integer.parseInt(rows.replace("_", "")));
            } catch (NumberFormatException e) {
                throw new UsageException("--import-rows takes whole numbers separated by commas, was '" + rows + "'");
            }
        }
        BenchmarkOptions options = new BenchmarkOptions(
                URI.create(o.string("base", "http://localhost:8091")),
                Path.of(o.string("key", "keys/private-key.pem")),
                o.string("issuer", JwtMinter.DEFAULT_ISSUER),
                o.optional("audience").orElse(null),
                o.string("sub", "workday"),
                o.string("bootstrap", "localhost:9092"),
                o.string("hr-topic", "hr-lifecycle-events"),
                o.integer("partitions", 6),
                o.decimal("rate", 500),
                o.duration("warmup", Duration.ofSeconds(10)),
                o.duration("duration", Duration.ofSeconds(30)),
                o.integer("max-in-flight", 2000),
                o.integer("connections", 64),
                o.duration("timeout", Duration.ofSeconds(30)),
                o.flag("token-per-request"),
                List.copyOf(importRows),
                o.integer("import-warmup-rows", 1000),
                o.duration("import-timeout", Duration.ofMinutes(10)),
                o.longValue("kafka-records", 2_000_000),
                o.longValue("kafka-warmup-records", 500_000),
                o.integer("record-size", 500),
                o.date("feed-start", LocalDate.now(ZoneOffset.UTC).minusDays(365)),
                o.flag("skip-single"),
                o.flag("skip-import"),
                o.flag("skip-kafka"),
                o.path("out"));
        if (!(options.rate > 0)) {
            throw new UsageException("--rate must be > 0");
        }
        if (options.connections < 1) {
            throw new UsageException("--connections must be >= 1");
        }
        if (options.duration.isZero() || options.duration.isNegative()) {
            throw new UsageException("--duration must be positive");
        }
        return options;
    }
}
