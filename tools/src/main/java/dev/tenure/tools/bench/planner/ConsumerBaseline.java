package dev.tenure.tools.bench.planner;

import dev.tenure.tools.bench.BenchAdmin;
import dev.tenure.tools.bench.KafkaTool;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka's own consumer over the same records the planner read, on the same broker: the broker distribution's
 * {@code ConsumerPerformance} as a child JVM, in a new group whose offsets are set beforehand to where the
 * benchmark's events begin, so it reads exactly those {@code N} records and nothing written before them. Shorter
 * warm-up runs of the same read are discarded (the JIT halves a first run, see /work/shared/notes/peers.md).
 */
public final class ConsumerBaseline {

    static final String TOOL = "org.apache.kafka.tools.ConsumerPerformance";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final String bootstrapServers;
    private final KafkaTool tool;
    private final BenchAdmin admin;
    private final PrintStream log;

    public ConsumerBaseline(String bootstrapServers, String kafkaClasspath, BenchAdmin admin, PrintStream log) {
        this.bootstrapServers = bootstrapServers;
        this.tool = new KafkaTool(TOOL, kafkaClasspath, log);
        this.admin = admin;
        this.log = log;
    }

    public ConsumerPerformanceOutput.Summary run(String topic, Map<TopicPartition, Long> startOffsets, long records,
                                          String groupPrefix, int warmUpRuns) throws InterruptedException {
        for (int run = 1; run <= warmUpRuns; run++) {
            log.printf("kafka baseline: warm-up read %d of %d (discarded)%n", run, warmUpRuns);
            read(topic, startOffsets, records, groupPrefix + "-warmup-" + run);
        }
        log.println("kafka baseline: measured read of " + records + " records");
        return read(topic, startOffsets, records, groupPrefix + "-measured");
    }

    List<String> arguments(String topic, long records, String group) {
        return List.of("--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", Long.toString(records),
                "--group", group, "--timeout", "30000");
    }

    private ConsumerPerformanceOutput.Summary read(String topic, Map<TopicPartition, Long> startOffsets, long records,
                                                   String group) throws InterruptedException {
        admin.commitOffsets(group, startOffsets);
        try {
            String output = tool.run(arguments(topic, records, group), line -> false, RUN_TIMEOUT);
            ConsumerPerformanceOutput.Summary summary = ConsumerPerformanceOutput.summary(output)
                    .orElseThrow(() -> new IllegalStateException("no summary in the output of " + TOOL + ":\n"
                            + KafkaTool.tail(output)));
            log.printf("  %,d records, %.0f records/s (%.0f records/s excluding the group join of %d ms)%n",
                    summary.records(), summary.recordsPerSecond(), summary.fetchRecordsPerSecond(), summary.rebalanceMs());
            return summary;
        } finally {
            try {
                admin.deleteGroup(group);
            } catch (IllegalStateException e) {
                log.println("kafka baseline: could not delete group " + group + ": " + e.getMessage());
            }
        }
    }
}
