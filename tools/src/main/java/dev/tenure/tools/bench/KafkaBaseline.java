package dev.tenure.tools.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Kafka's own producer benchmark against the broker the intake writes to: the broker
 * distribution's {@code ProducerPerformance}, run as a child JVM on the broker jars, into a
 * throw-away topic shaped like the intake's topic (same partitions and replication factor), with
 * the intake's producer guarantees (acks=all, idempotent). A first, shorter run warms the JIT and is
 * discarded. The topic is capped by size and deleted afterwards.
 */
public final class KafkaBaseline {

    public static final String TOOL = "org.apache.kafka.tools.ProducerPerformance";
    public static final List<String> PRODUCER_SETTINGS = List.of("acks=all", "enable.idempotence=true", "linger.ms=5",
            "compression.type=none");

    /** The shape of a topic; {@code found} is false when the defaults were used instead. */
    public record TopicShape(int partitions, int replicationFactor, boolean found) {
    }

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private final String bootstrapServers;
    private final String kafkaClasspath;
    private final PrintStream log;

    public KafkaBaseline(String bootstrapServers, String kafkaClasspath, PrintStream log) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaClasspath = kafkaClasspath;
        this.log = log;
    }

    /** The partitions and replication factor of {@code topic}, or {@code fallbackPartitions} and 1 when it does not exist. */
    public TopicShape shapeOf(String topic, int fallbackPartitions) throws InterruptedException {
        try (Admin admin = Admin.create(adminProperties())) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
            return new TopicShape(description.partitions().size(), description.partitions().get(0).replicas().size(), true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return new TopicShape(fallbackPartitions, 1, false);
            }
            throw new IllegalStateException("cannot describe " + topic + " on " + bootstrapServers + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the broker at " + bootstrapServers + " within " + ADMIN_TIMEOUT.toSeconds() + " s", e);
        }
    }

    public BaselineResult run(String topic, TopicShape shape, long records, long warmUpRecords, int recordSize)
            throws InterruptedException {
        createTopic(topic, shape);
        try {
            if (warmUpRecords > 0) {
                log.println("kafka baseline: warm-up run of " + warmUpRecords + " records (discarded)");
                produce(topic, warmUpRecords, recordSize);
            }
            log.println("kafka baseline: measured run of " + records + " records into " + topic);
            ProducerPerformanceOutput.Summary summary = produce(topic, records, recordSize);
            return new BaselineResult(topic, shape.partitions(), shape.replicationFactor(), summary.records(), recordSize,
                    String.join(" ", PRODUCER_SETTINGS), summary.recordsPerSecond(), summary.megabytesPerSecond(),
                    summary.averageLatencyMs(), summary.maxLatencyMs(), summary.line());
        } finally {
            deleteTopic(topic);
        }
    }

    /** The child JVM's command line. */
    public List<String> command(String topic, long records, int recordSize) {
        return tool().command(arguments(topic, records, recordSize));
    }

    private List<String> arguments(String topic, long records, int recordSize) {
        List<String> arguments = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers));
        arguments.addAll(PRODUCER_SETTINGS);
        return arguments;
    }

    private KafkaTool tool() {
        return new KafkaTool(TOOL, kafkaClasspath, log);
    }

    private ProducerPerformanceOutput.Summary produce(String topic, long records, int recordSize) throws InterruptedException {
        String output = tool().run(arguments(topic, records, recordSize), line -> line.contains("records sent"), RUN_TIMEOUT);
        return ProducerPerformanceOutput.summary(output)
                .orElseThrow(() -> new IllegalStateException("no summary line in the output of " + TOOL + ":\n"
                        + KafkaTool.tail(output)));
    }

    private void createTopic(String topic, TopicShape shape) throws InterruptedException {
        // Bounded: a perf run must not fill the disk (a 500-byte run of millions leaves gigabytes).
        NewTopic newTopic = new NewTopic(topic, shape.partitions(), (short) shape.replicationFactor())
                .configs(Map.of("retention.bytes", Long.toString(256L * 1024 * 1024),
                        "segment.bytes", Long.toString(64L * 1024 * 1024),
                        "retention.ms", Long.toString(Duration.ofHours(1).toMillis())));
        try (Admin admin = Admin.create(adminProperties())) {
            admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the baseline topic " + topic + ": " + e, e);
        }
    }

    private void deleteTopic(String topic) throws InterruptedException {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.deleteTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.println("kafka baseline: could not delete " + topic + " (delete it by hand): " + e);
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "tenure-bench-admin");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return properties;
    }
}
