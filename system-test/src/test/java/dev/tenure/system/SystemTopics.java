package dev.tenure.system;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.system.Evidence.ItemChange;
import dev.tenure.system.Evidence.Outcome;
import dev.tenure.system.Evidence.Planned;
import dev.tenure.system.Evidence.Reported;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the services wrote, whole and committed, into the plain records of {@link Evidence}. */
final class SystemTopics {

    private final String bootstrapServers;
    private final String registryUrl;

    SystemTopics(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    List<HrLifecycleEvent> lifecycleEvents() {
        return readAll(Topics.HR_LIFECYCLE_EVENTS, Function.identity());
    }

    List<Planned> planned() {
        return readAll(Topics.ACCESS_COMMANDS, (AccessCommand c) -> new Planned(c.getActionId(), c.getCausationId(),
                c.getPersonId(), c.getStep() == null ? "UNKNOWN" : c.getStep().name(), c.getTargetSystem(),
                c.getEntitlement()));
    }

    List<Outcome> outcomes() {
        return readAll(Topics.ACCESS_EVENTS, (AccessEvent e) -> new Outcome(
                e.getActionId() == null ? e.getEventId() : e.getActionId(), e.getCausationId(), e.getPersonId(),
                e.getAction().name(), e.getTargetSystem(), e.getEntitlement(),
                e.getOutcome() == AccessOutcome.DONE || e.getOutcome() == AccessOutcome.ALREADY_SO, e.getEffectiveAt()));
    }

    /** Items' changes in each person's order (one person is on one partition); changes without an item are left out. */
    List<ItemChange> itemChanges() {
        return readAll(Topics.EQUIPMENT_EVENTS, (EquipmentEvent e) -> e.getItemId() == null ? null : new ItemChange(
                e.getItemId(), e.getCausationId(), e.getCorrelationId(), e.getPersonId(), e.getChange().name(),
                e.getState().name(), e.getOccurredAt())).stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The cases as the topology last reported them, keyed by case id (a withdrawn case's tombstone removes it). */
    Map<String, Reported> reportedCases() {
        Map<String, Reported> byKey = new java.util.LinkedHashMap<>();
        readAll(Topics.SLE_CASE_STATUS, (key, s) -> {
            if (s == null) {
                byKey.remove(key);
            } else {
                byKey.put(key, new Reported(s.getCaseId(), s.getSle().name(), s.getPersonId(), s.getStatus().name(),
                        s.getDueAt(), s.getCompletedAt()));
            }
        });
        Map<String, Reported> byCase = new java.util.LinkedHashMap<>();
        byKey.values().forEach(r -> byCase.put(r.caseId(), r));
        return byCase;
    }

    /** Every committed record of the topic, partition after partition, in each partition's order. */
    private <V extends SpecificRecord, T> List<T> readAll(TopicSpec<V> topic, Function<V, T> mapping) {
        List<T> all = new ArrayList<>();
        readAll(topic, (key, value) -> {
            if (value != null) {
                all.add(mapping.apply(value));
            }
        });
        return all;
    }

    /** Hands every committed record (tombstones too), partition after partition, in each partition's order. */
    private <V extends SpecificRecord> void readAll(TopicSpec<V> topic, BiConsumer<String, V> each) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(),
                new RegistryAvroDeserializer<>(topic.valueType(), registryUrl))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofSeconds(1))) {
                        each.accept(record.key(), record.value());
                    }
                }
            }
        }
    }
}
