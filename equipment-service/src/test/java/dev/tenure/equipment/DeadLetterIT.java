package dev.tenure.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.equipment.streams.DeadLetters;
import dev.tenure.equipment.support.EquipmentTestResource;
import dev.tenure.equipment.support.EventLog;
import dev.tenure.equipment.support.HrEvents;
import dev.tenure.equipment.support.Readiness;
import dev.tenure.equipment.support.TestClock;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** A record the service cannot read is parked on its dead-letter topic with the reason, and the others go on. */
@QuarkusTest
@QuarkusTestResource(value = EquipmentTestResource.class, restrictToAnnotatedClass = true)
class DeadLetterIT {

    private static final String DEAD_LETTERS = Topics.deadLetter("equipment-service", Topics.HR_LIFECYCLE_EVENTS);

    @Test
    void shouldParkAnUnreadableLifecycleRecordAndGoOn() throws Exception {
        TestClock.CLOCK.set(Instant.now());
        Readiness.awaitReady();
        // Given a record on hr-lifecycle-events that is not in the registry's framing, then a joiner for someone else
        String broken = HrEvents.newPersonId();
        String joiner = HrEvents.newPersonId();
        byte[] garbage = ("not avro for " + broken).getBytes(StandardCharsets.UTF_8);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.HR_LIFECYCLE_EVENTS.name(),
                    broken.getBytes(StandardCharsets.UTF_8), garbage)).get(30, TimeUnit.SECONDS);
        }
        EventLog.publish(HrEvents.joiner(joiner, LocalDate.now().plusDays(20)));

        // Then the joiner is applied
        assertThat(EventLog.awaitAbout(joiner, events -> events.size() >= 5, Duration.ofSeconds(60))).hasSize(5);

        // And the unreadable record is on the dead-letter topic, as it was, with the reason
        ConsumerRecord<byte[], byte[]> parked = awaitParked(broken);
        assertThat(parked.value()).isEqualTo(garbage);
        assertThat(new String(parked.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("registry's framing");
    }

    private static ConsumerRecord<byte[], byte[]> awaitParked(String key) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long deadline = System.currentTimeMillis() + 60_000;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            while (System.currentTimeMillis() < deadline) {
                List<TopicPartition> partitions = new ArrayList<>();
                consumer.listTopics().getOrDefault(DEAD_LETTERS, List.of())
                        .forEach(p -> partitions.add(new TopicPartition(DEAD_LETTERS, p.partition())));
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    for (int i = 0; i < 10; i++) {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                            if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                                return record;
                            }
                        }
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("nothing parked on " + DEAD_LETTERS + " for " + key);
    }
}
