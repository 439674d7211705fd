package dev.tenure.access.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka's MockConsumer, keeping the committed offsets as a broker's group coordinator does — whatever the assignment
 * (MockConsumer answers differently for partitions it does not hold) — and every commit made, in order.
 */
final class RecordingConsumer extends MockConsumer<byte[], byte[]> {

    private final Map<TopicPartition, OffsetAndMetadata> group = new HashMap<>();
    final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();

    RecordingConsumer() {
        super("earliest");
    }

    /** Commits of an earlier member of the group, as a new process finds them. */
    RecordingConsumer withCommitted(Map<TopicPartition, OffsetAndMetadata> earlier) {
        group.putAll(earlier);
        return this;
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
        super.commitSync(offsets, timeout);
        group.putAll(offsets);
        commits.add(Map.copyOf(offsets));
    }

    @Override
    public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions,
                                                                       Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> found = new HashMap<>();
        partitions.forEach(tp -> {
            if (group.containsKey(tp)) {
                found.put(tp, group.get(tp));
            }
        });
        return found;
    }
}
