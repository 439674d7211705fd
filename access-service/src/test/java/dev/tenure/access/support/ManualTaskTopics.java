package dev.tenure.access.support;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.access.ManualTask;
import dev.tenure.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Manual tasks on the test broker: a revoke command as the planner writes it, and a task's records read back. */
public final class ManualTaskTopics {

    public static final String TARGET = "manual:payroll-legacy";

    private ManualTaskTopics() {
    }

    /** The leaver's revocation of legacy payroll, to the manual target, due at {@code dueAt}. */
    public static AccessCommand revoke(String person, Instant dueAt) {
        return CommandTopics.base(person, "cut-off/entitlement_revoked/payroll-legacy", AccessStep.ENTITLEMENT_REVOKED)
                .setAgency("DOR")
                .setTargetSystem(TARGET)
                .setEntitlement("payroll-legacy")
                .setOperation(AccessOperation.REMOVE_MEMBERSHIP)
                .setGroup("Legacy Payroll (example)")
                .setGroupKind(null)
                .setDueAt(dueAt)
                .build();
    }

    /** The records of task {@code id} on access-manual-tasks once there are {@code count}, and 2 s more of nothing. */
    public static List<ManualTask> records(String id, int count) {
        return TopicReader.read(Topics.ACCESS_MANUAL_TASKS, r -> id.equals(r.key()), count, Duration.ofSeconds(2),
                Duration.ofSeconds(20)).stream().map(ConsumerRecord::value).toList();
    }
}
