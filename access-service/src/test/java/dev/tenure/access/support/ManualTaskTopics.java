package dev.tenure.access.support;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.access.ManualTask;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Manual tasks on the test broker: a revoke command as the planner writes it, and a task's records read back. */
public final class ManualTaskTopics {

    public static final String TARGET = "manual:payroll-legacy";

    private ManualTaskTopics() {
    }

    /** The leaver's revocation of legacy payroll, to the manual target, due at {@code dueAt}. */
    public static AccessCommand revoke(String person, Instant dueAt) {
        String actionId = "it-" + person + "/cut-off/entitlement_revoked/payroll-legacy";
        return AccessCommand.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(actionId.getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(Instant.now())
                .setCausationId("hr-" + person)
                .setCorrelationId("case-" + person)
                .setSource("access-service")
                .setActionId(actionId)
                .setPersonId(person)
                .setAgency("DOR")
                .setTargetSystem(TARGET)
                .setEntitlement("payroll-legacy")
                .setStep(AccessStep.ENTITLEMENT_REVOKED)
                .setOperation(AccessOperation.REMOVE_MEMBERSHIP)
                .setGroup("Legacy Payroll (example)")
                .setGroupKind(null)
                .setDueAt(dueAt)
                .build();
    }

    /** The records of task {@code id} on access-manual-tasks once there are {@code count}, and 2 s more of nothing. */
    public static List<ManualTask> records(String id, int count) {
        TenurePeers peers = TenurePeers.shared();
        List<ManualTask> found = new ArrayList<>();
        try (KafkaConsumer<String, ManualTask> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new RegistryAvroDeserializer<>(ManualTask.class, peers.registryUrl()))) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.ACCESS_MANUAL_TASKS.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.ACCESS_MANUAL_TASKS.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long quietUntil = 0;
            while (System.nanoTime() < deadline && (found.size() < count || System.nanoTime() < quietUntil)) {
                for (ConsumerRecord<String, ManualTask> r : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(r.key())) {
                        found.add(r.value());
                    }
                }
                if (found.size() >= count && quietUntil == 0) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return found;
    }
}
