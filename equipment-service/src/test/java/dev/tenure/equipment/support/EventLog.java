package dev.tenure.equipment.support;

import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real topics as other services see them: lifecycle events written as hr-events-service writes them (keyed by
 * person, registry framing), equipment events read as the audit service would (committed records only).
 */
public final class EventLog {

    private EventLog() {
    }

    /** Publishes lifecycle events as hr-events-service would, and waits for the broker to have them. */
    public static void publish(HrLifecycleEvent... events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, HrLifecycleEvent> producer = new KafkaProducer<>(props, new StringSerializer(),
                new RegistryAvroSerializer<>(Topics.HR_LIFECYCLE_EVENTS, TenurePeers.shared().registryUrl()))) {
            for (HrLifecycleEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.HR_LIFECYCLE_EVENTS.name(), event.getPersonId(), event))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish lifecycle events: " + e, e);
        }
    }

    /** Every committed equipment event about the person now (keyed by person id, so in order). */
    public static List<EquipmentEvent> about(String personId) {
        return read(record -> personId.equals(record.key()));
    }

    /** Waits until the person has events matching {@code until}, then answers all of theirs. */
    public static List<EquipmentEvent> awaitAbout(String personId, Predicate<List<EquipmentEvent>> until,
                                                  Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<EquipmentEvent> events = about(personId);
        while (!until.test(events)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("equipment events of " + personId + " did not come in " + timeout.toSeconds()
                        + " s; they are: " + events.stream().map(e -> e.getCatalogueItem() + ":" + e.getChange())
                        .toList());
            }
            pause();
            events = about(personId);
        }
        return events;
    }

    private static List<EquipmentEvent> read(Predicate<ConsumerRecord<String, EquipmentEvent>> filter) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, EquipmentEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new RegistryAvroDeserializer<>(EquipmentEvent.class, TenurePeers.shared().registryUrl()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EQUIPMENT_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<EquipmentEvent> events = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, EquipmentEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        events.add(record.value());
                    }
                }
            }
            return events;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
