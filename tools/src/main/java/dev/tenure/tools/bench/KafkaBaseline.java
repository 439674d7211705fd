package dev.tenure.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(kafkaClasspath);
        command.add(TOOL);
        command.add("--topic");
        command.add(topic);
        command.add("--num-records");
        command.add(Long.toString(records));
        command.add("--record-size");
        command.add(Integer.toString(recordSize));
        command.add("--throughput");
        command.add("-1");
        command.add("--producer-props");
        command.add("bootstrap.servers=" + bootstrapServers);
        command.addAll(PRODUCER_SETTINGS);
        return command;
    }

    private ProducerPerformanceOutput.Summary produce(String topic, long records, int recordSize) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(topic, records, recordSize)).redirectErrorStream(true);
        StringBuilder output = new StringBuilder();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + TOOL + ": " + e.getMessage(), e);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains("records sent")) {
                    log.println("  " + line);
                }
            }
        } catch (IOException e) {
            process.destroy();
            throw new IllegalStateException("lost the output of " + TOOL, e);
        }
        if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(TOOL + " did not finish within " + RUN_TIMEOUT.toMinutes() + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(TOOL + " exited with " + process.exitValue() + ":\n" + tail(output));
        }
        return ProducerPerformanceOutput.summary(output.toString())
                .orElseThrow(() -> new IllegalStateException("no summary line in the output of " + TOOL + ":\n" + tail(output)));
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

    private static String tail(StringBuilder output) {
        String text = output.toString();
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
}
