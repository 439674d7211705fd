package dev.tenure.hr.support;

import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.topics.Topics;
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

/**
 * {@link HrTopic} for any broker: reads {@code hr-lifecycle-events} as an independent, read_committed consumer, from
 * a given offset per partition; and tells each partition's high watermark, which (unlike the end offsets a
 * read_committed consumer sees, the last stable offsets) grows with every record written: committed, aborted, or in
 * a transaction still open.
 */
public final class HrTopicReader {

    private static final String TOPIC = Topics.HR_LIFECYCLE_EVENTS.name();

    private final String bootstrapServers;
    private final String registryUrl;

    public HrTopicReader(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Each partition's high watermark now: the offset after the last record written, whatever its transaction. */
    public Map<TopicPartition, Long> highWatermarks() {
        try (KafkaConsumer<String, HrLifecycleEvent> consumer = consumer("read_uncommitted")) {
            return Map.copyOf(consumer.endOffsets(partitions(consumer)));
        }
    }

    /**
     * Waits until no transaction is in flight on the topic (each partition's last stable offset has reached its high
     * watermark): a transaction's markers are written after its commit returns, so end offsets taken just after an
     * import can still move.
     */
    public void awaitQuiescent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> stable;
        Map<TopicPartition, Long> written;
        do {
            try (KafkaConsumer<String, HrLifecycleEvent> consumer = consumer("read_committed")) {
                stable = consumer.endOffsets(partitions(consumer));
            }
            written = highWatermarks();
            if (stable.equals(written)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(TOPIC + " still has a transaction in flight after " + timeout.toSeconds()
                + " s: last stable offsets " + stable + ", high watermarks " + written);
    }

    /** Every committed record now on the topic. */
    public List<ConsumerRecord<String, HrLifecycleEvent>> readAll() {
        return readFrom(Map.of());
    }

    /** The committed records at or after {@code from} (a partition not named: from its beginning). */
    public List<ConsumerRecord<String, HrLifecycleEvent>> readFrom(Map<TopicPartition, Long> from) {
        try (KafkaConsumer<String, HrLifecycleEvent> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, HrLifecycleEvent>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + TOPIC + " up to " + end + " in 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The committed records with this event id. */
    public List<HrLifecycleEvent> withEventId(String eventId) {
        return readAll().stream().map(ConsumerRecord::value).filter(e -> eventId.equals(e.getEventId())).toList();
    }

    private KafkaConsumer<String, HrLifecycleEvent> consumer(String isolationLevel) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaConsumer<>(props, new StringDeserializer(),
                new RegistryAvroDeserializer<>(HrLifecycleEvent.class, registryUrl));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, HrLifecycleEvent> consumer) {
        return consumer.partitionsFor(TOPIC).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
