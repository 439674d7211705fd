package dev.tenure.tools.bench;

import dev.tenure.peers.PeerDistributions;
import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.auth.KeyPairFiles;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.FeedJsonWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures a running hr-events-service against the physical limit of its broker, in one run:
 * <ol>
 * <li>single events over HTTP at a fixed arrival rate (open model, latency from the scheduled send
 * time), reporting accepted events/s and p50/p90/p99/max latency;</li>
 * <li>CSV imports of fresh sample feeds (default 20,000 and 100,000 rows), reporting rows/s;</li>
 * <li>Kafka's own {@code ProducerPerformance} on the same broker with the intake's guarantees and
 * its topic's partition count, and the ratios intake ÷ Kafka.</li>
 * </ol>
 * The report is Markdown on stdout (and in {@code --out}); progress goes to stderr.
 */
public final class IntakeBenchmark {

    public static final String USAGE = "bench --base http://localhost:8091 --key keys/private-key.pem [--bootstrap localhost:9092]\n"
            + "      [--rate 500] [--warmup 10s] [--duration 30s] [--max-in-flight 2000] [--connections 64] [--timeout 30s] [--token-per-request]\n"
            + "      [--import-rows 20000,100000] [--import-warmup-rows 1000] [--import-timeout 10m]\n"
            + "      [--kafka-records 2000000] [--kafka-warmup-records 500000] [--record-size 500]\n"
            + "      [--hr-topic hr-lifecycle-events] [--partitions 6] [--issuer " + JwtMinter.DEFAULT_ISSUER + "]\n"
            + "      [--audience AUD] [--sub workday] [--feed-start <today-365d>] [--out report.md]\n"
            + "      [--skip-single] [--skip-import] [--skip-kafka]";

    private static final String BASELINE_TOPIC_PREFIX = "tenure-bench-baseline-";

    private final BenchmarkOptions options;
    private final PrintStream log;

    public IntakeBenchmark(BenchmarkOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        String report = MarkdownReport.render(new IntakeBenchmark(options, System.err).measure());
        System.out.println(report);
        if (options.out().isPresent()) {
            try {
                Files.writeString(options.out().get(), report, StandardCharsets.UTF_8);
                System.err.println("report written to " + options.out().get());
            } catch (IOException e) {
                System.err.println("could not write " + options.out().get() + ": " + e.getMessage());
            }
        }
    }

    public MarkdownReport.Results measure() throws InterruptedException {
        Instant startedAt = Instant.now();
        BenchmarkFeeds feeds = new BenchmarkFeeds(options.feedStart());
        JwtMinter minter = new JwtMinter(KeyPairFiles.readPrivateKey(options.privateKey()), options.issuer(),
                options.audience(), Clock.systemUTC());
        Caller caller = Caller.hris(options.subject());
        String runToken = minter.mint(caller, Duration.ofHours(6));
        log.printf("run %s: feeds from %s, caller %s%n", feeds.runTag(), options.feedStart(), caller.subject());

        KafkaBaseline baseline = null;
        KafkaBaseline.TopicShape shape = null;
        if (!options.skipKafka()) {
            baseline = new KafkaBaseline(options.bootstrapServers(), PeerDistributions.fromBuild().kafkaClasspath(), log);
            shape = baseline.shapeOf(options.hrTopic(), options.fallbackPartitions());
            log.printf("%s: %d partitions, replication %d%s%n", options.hrTopic(), shape.partitions(), shape.replicationFactor(),
                    shape.found() ? "" : " (topic not found; defaults)");
        }

        LoadResult single = null;
        List<ImportResult> imports = null;
        if (!options.skipSingle() || !options.skipImport()) {
            IntakeClient client = new IntakeClient(options.base());
            try {
                checkReady(client);
                if (!options.skipSingle()) {
                    single = single(client, feeds, minter, caller, runToken);
                }
                if (!options.skipImport()) {
                    imports = imports(client, feeds, () -> runToken);
                }
            } finally {
                client.close();
            }
        }

        BaselineResult kafka = null;
        if (baseline != null) {
            String topic = BASELINE_TOPIC_PREFIX + feeds.runTag().toLowerCase(Locale.ROOT);
            kafka = baseline.run(topic, shape, options.kafkaRecords(), options.kafkaWarmUpRecords(), options.recordSize());
            log.printf("kafka baseline: %.0f records/s%n", kafka.recordsPerSecond());
        }
        return new MarkdownReport.Results(startedAt, options.base().toString(), options.bootstrapServers(), options.hrTopic(),
                shape, feeds.runTag(), single, imports, kafka);
    }

    private void checkReady(IntakeClient client) throws InterruptedException {
        IntakeClient.ReadyCheck ready = client.ready();
        if (ready.status() < 0) {
            throw new IllegalStateException("hr-events-service is not reachable at " + client.base() + ": " + ready.body());
        }
        if (!ready.ready()) {
            log.println("warning: " + IntakeClient.READY_PATH + " answered " + ready.status() + ": " + ready.body());
        }
    }

    private LoadResult single(IntakeClient client, BenchmarkFeeds feeds, JwtMinter minter, Caller caller, String runToken)
            throws InterruptedException {
        FixedRateLoad.Plan plan = new FixedRateLoad.Plan(options.rate(), options.warmUp(), options.duration(),
                options.maxInFlight());
        int total = Math.toIntExact(plan.totalRequests());
        log.printf("single events: preparing %,d events%s%n", total, options.tokenPerRequest() ? " and as many tokens" : "");
        List<FeedEvent> events = feeds.events(total);
        List<byte[]> bodies = new ArrayList<>(total);
        for (FeedEvent event : events) {
            bodies.add(FeedJsonWriter.toJsonBytes(event));
        }
        List<String> tokens = new ArrayList<>();
        if (options.tokenPerRequest()) {
            Duration ttl = options.warmUp().plus(options.duration()).plus(Duration.ofMinutes(30));
            for (int i = 0; i < total; i++) {
                tokens.add(minter.mint(caller, ttl));
            }
        }
        log.printf("single events: %.0f req/s, %d s warm-up + %d s measured%n", options.rate(), options.warmUp().toSeconds(),
                options.duration().toSeconds());
        LoadResult result;
        try (PooledEventSender sender = new PooledEventSender(options.base(), bodies,
                tokens.isEmpty() ? List.of(runToken) : tokens, options.connections(), options.requestTimeout())) {
            result = new FixedRateLoad(plan, sender).run(options.requestTimeout().plusSeconds(5));
        }
        log.printf("single events: %.1f accepted/s, p50 %s, p99 %s, statuses %s, failures %d%n", result.acceptedPerSecond(),
                MarkdownReport.ms(result.latency().p50()), MarkdownReport.ms(result.latency().p99()), result.statusCounts(),
                result.failures());
        return result;
    }

    private List<ImportResult> imports(IntakeClient client, BenchmarkFeeds feeds, Supplier<String> tokens)
            throws InterruptedException {
        CsvImportRun run = new CsvImportRun(client, tokens, options.importTimeout());
        if (options.importWarmUpRows() > 0) {
            ImportResult warmUp = run.run(feeds.events(options.importWarmUpRows()));
            log.printf("CSV import warm-up: %,d rows, HTTP %d in %.2f s (not reported)%n", warmUp.rows(), warmUp.status(),
                    warmUp.seconds());
        }
        List<ImportResult> results = new ArrayList<>();
        for (int rows : options.importRows()) {
            log.printf("CSV import: generating %,d rows%n", rows);
            List<FeedEvent> events = feeds.events(rows);
            ImportResult result = run.run(events);
            log.printf("CSV import: %,d rows, HTTP %d in %.2f s = %.0f rows/s%n", result.rows(), result.status(),
                    result.seconds(), result.rowsPerSecond());
            results.add(result);
        }
        return results;
    }
}
