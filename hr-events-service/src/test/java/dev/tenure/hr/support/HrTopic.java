package dev.tenure.hr.support;

import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code hr-lifecycle-events} on the real broker as an independent consumer would. */
public final class HrTopic {

    private HrTopic() {
    }

    /** Every committed record on the topic now. */
    public static List<ConsumerRecord<String, HrLifecycleEvent>> readAll() {
        try (KafkaConsumer<String, HrLifecycleEvent> consumer = new KafkaConsumer<>(props(), new StringDeserializer(),
                new RegistryAvroDeserializer<>(HrLifecycleEvent.class, TenurePeers.shared().registryUrl()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.HR_LIFECYCLE_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, HrLifecycleEvent>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The committed records about one person, in order per partition. */
    public static List<HrLifecycleEvent> about(String personId) {
        return readAll().stream().filter(r -> personId.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /** The sum of the end offsets a read_committed reader sees (the last stable offsets): committed records only. */
    public static long endOffsets() {
        try (KafkaConsumer<String, HrLifecycleEvent> consumer = new KafkaConsumer<>(props(), new StringDeserializer(),
                new RegistryAvroDeserializer<>(HrLifecycleEvent.class, TenurePeers.shared().registryUrl()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.HR_LIFECYCLE_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }
}
