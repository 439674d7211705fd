package dev.tenure.access.support;

import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** hr-lifecycle-events on the test broker, written as hr-events-service writes it: keyed by person id, acks=all. */
public final class HrTopic {

    private HrTopic() {
    }

    /** Publishes the event and waits until the broker has it. */
    public static void publish(HrLifecycleEvent event) {
        publish(List.of(event));
    }

    /** Publishes the events in order and waits until the broker has them all. */
    public static void publish(List<HrLifecycleEvent> events) {
        TenurePeers peers = TenurePeers.shared();
        try (KafkaProducer<String, HrLifecycleEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new RegistryAvroSerializer<>(Topics.HR_LIFECYCLE_EVENTS, peers.registryUrl()))) {
            for (HrLifecycleEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.HR_LIFECYCLE_EVENTS.name(), event.getPersonId(), event));
            }
            producer.flush();
        }
    }
}
