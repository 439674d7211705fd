package dev.tenure.access.support;

import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.testkit.TenurePeers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A topic on the test broker read back from its beginning: every partition, read_committed, Avro by the registry. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * The records {@code matching}, in each partition's order: once there are {@code count} and {@code settle} more
     * has passed, or (fewer) when {@code within} is up.
     */
    public static <V extends SpecificRecord> List<ConsumerRecord<String, V>> read(
            TopicSpec<V> topic, Predicate<ConsumerRecord<String, V>> matching, int count, Duration settle,
            Duration within) {
        TenurePeers peers = TenurePeers.shared();
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new RegistryAvroDeserializer<>(topic.valueType(), peers.registryUrl()))) {
            List<TopicPartition> partitions = IntStream.range(0, topic.partitions())
                    .mapToObj(p -> new TopicPartition(topic.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + within.toNanos();
            long settledAt = 0;
            while (System.nanoTime() < deadline && (found.size() < count || System.nanoTime() < settledAt)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
                if (found.size() >= count && settledAt == 0) {
                    settledAt = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return found;
    }
}
