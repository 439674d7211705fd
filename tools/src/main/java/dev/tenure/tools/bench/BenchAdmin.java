package dev.tenure.tools.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The few broker questions the replay benchmarks ({@code bench-planner}, {@code bench-sle}) ask,
 * through one Admin client.
 */
public final class BenchAdmin implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final String bootstrapServers;

    public BenchAdmin(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "tenure-bench-planner-admin");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        this.admin = Admin.create(properties);
    }

    /** The end offset of every partition of {@code topic}. */
    public Map<TopicPartition, Long> endOffsets(String topic) throws InterruptedException {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic)
                .get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(latest).all(), "list the offsets of " + topic)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** Sets a (new, empty) group's committed offsets, so that its first member starts exactly there. */
    public void commitOffsets(String group, Map<TopicPartition, Long> offsets) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        get(admin.alterConsumerGroupOffsets(group, committed).all(), "set the offsets of group " + group);
    }

    /** The group's committed offsets (partitions without one are absent). */
    public Map<TopicPartition, Long> committedOffsets(String group) throws InterruptedException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "read the offsets of group " + group)
                .forEach((partition, committed) -> {
                    if (committed != null) {
                        offsets.put(partition, committed.offset());
                    }
                });
        return offsets;
    }

    /** Deletes the topics whose names start with {@code prefix} (a Streams application's internal topics). */
    public List<String> deleteTopicsStartingWith(String prefix) throws InterruptedException {
        List<String> topics = get(admin.listTopics().names(), "list topics").stream()
                .filter(name -> name.startsWith(prefix)).sorted().toList();
        if (!topics.isEmpty()) {
            get(admin.deleteTopics(topics).all(), "delete " + topics);
        }
        return topics;
    }

    /**
     * How far {@code offsets} are beyond {@code start}, summed over the start's partitions (one absent from
     * {@code offsets}, or not beyond its start, counts nothing): for a group's committed offsets, the records it has
     * consumed since the start; for end offsets, the records written since.
     */
    public static long beyond(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> start) {
        long beyond = 0;
        for (Map.Entry<TopicPartition, Long> from : start.entrySet()) {
            Long at = offsets.get(from.getKey());
            if (at != null && at > from.getValue()) {
                beyond += at - from.getValue();
            }
        }
        return beyond;
    }

    public void deleteGroup(String group) throws InterruptedException {
        get(admin.deleteConsumerGroups(List.of(group)).all(), "delete group " + group);
    }

    private <T> T get(KafkaFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + " on " + bootstrapServers + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + bootstrapServers + " within " + TIMEOUT.toSeconds()
                    + " s to " + what, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
