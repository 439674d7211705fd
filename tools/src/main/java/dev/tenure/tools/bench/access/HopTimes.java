package dev.tenure.tools.bench.access;

import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a termination's time went, from the records themselves: when the planner put the disable on
 * {@code access-commands} (the record's timestamp: wall-clock time at the planner) and when the executor's outcome
 * says the directory confirmed it ({@code effectiveAt}). Read after the run, so it adds nothing to the measurement.
 */
final class HopTimes {

    /** Wall-clock millis of one person's disable: planned (command on the topic) and confirmed by the directory. */
    record Hops(long commandedAt, long confirmedAt) {
    }

    /** The measured people's disables, and how many changes the executor reported in all (setup and background too). */
    record Read(Map<String, Hops> hops, int outcomes) {
    }

    private HopTimes() {
    }

    static Read read(String bootstrapServers, String registryUrl, Set<String> people) {
        Map<String, Long> commanded = new HashMap<>();
        for (ConsumerRecord<String, AccessCommand> record : readAll(bootstrapServers, registryUrl,
                Topics.ACCESS_COMMANDS.name(), AccessCommand.class)) {
            AccessCommand command = record.value();
            if (people.contains(record.key()) && command.getOperation() == AccessOperation.SET_ACCOUNT_ENABLED
                    && Boolean.FALSE.equals(command.getEnabled())) {
                commanded.putIfAbsent(record.key(), record.timestamp());
            }
        }
        Map<String, Hops> hops = new HashMap<>();
        List<ConsumerRecord<String, AccessEvent>> outcomes = readAll(bootstrapServers, registryUrl,
                Topics.ACCESS_EVENTS.name(), AccessEvent.class);
        for (ConsumerRecord<String, AccessEvent> record : outcomes) {
            AccessEvent event = record.value();
            Long at = commanded.get(record.key());
            if (at != null && event.getAction() == AccessAction.ACCOUNT_DISABLED) {
                hops.putIfAbsent(record.key(), new Hops(at, event.getEffectiveAt().toEpochMilli()));
            }
        }
        return new Read(hops, outcomes.size());
    }

    private static <T extends SpecificRecord> List<ConsumerRecord<String, T>> readAll(String bootstrapServers,
            String registryUrl, String topic, Class<T> type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "tenure-bench-hops-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new RegistryAvroDeserializer<>(type, registryUrl))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, T>> records = new java.util.ArrayList<>();
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofSeconds(2));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(records::add);
            }
            return records;
        }
    }
}
