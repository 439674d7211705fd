package dev.tenure.schemas.topics;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.LegalHoldChanged;
import dev.tenure.schemas.access.ManualTask;
import dev.tenure.schemas.audit.AuditCheckpoint;
import dev.tenure.schemas.audit.AuditRecord;
import dev.tenure.schemas.equipment.DesksideStepSubmitted;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.sle.SleCompliance;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The topic catalogue: every topic Tenure writes, with its single writer. */
public final class Topics {

    /** Person-keyed topics share this count so one person's records co-partition across topics. */
    public static final int PERSON_PARTITIONS = 6;

    private static final String PERSON_ID = "person id";
    private static final String KEEP_FOREVER = "-1";
    private static final String NINETY_DAYS_MS = String.valueOf(90L * 24 * 60 * 60 * 1000);
    private static final String RETENTION_MS = "retention.ms";
    private static final String DLQ_SUFFIX = "-dlq";

    public static final TopicSpec<HrLifecycleEvent> HR_LIFECYCLE_EVENTS = new TopicSpec<>(
            "hr-lifecycle-events", HrLifecycleEvent.class, PERSON_ID, PERSON_PARTITIONS,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, KEEP_FOREVER), "hr-events-service");

    public static final TopicSpec<AccessEvent> ACCESS_EVENTS = new TopicSpec<>(
            "access-events", AccessEvent.class, PERSON_ID, PERSON_PARTITIONS,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, NINETY_DAYS_MS), "access-service");

    /** access-service's own work queue: the planner's commands, carried out in order per person by its executor. */
    public static final TopicSpec<AccessCommand> ACCESS_COMMANDS = new TopicSpec<>(
            "access-commands", AccessCommand.class, PERSON_ID, PERSON_PARTITIONS,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, NINETY_DAYS_MS), "access-service");

    /** Legal holds set and cleared through access-service's API; kept forever, they are evidence. */
    public static final TopicSpec<LegalHoldChanged> ACCESS_LEGAL_HOLDS = new TopicSpec<>(
            "access-legal-holds", LegalHoldChanged.class, PERSON_ID, PERSON_PARTITIONS,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, KEEP_FOREVER), "access-service");

    /**
     * access-service's manual tasks (changes in applications with no API, made by a person): the current state of each,
     * keyed by task id (the command's actionId), compacted; read whole by every instance at start-up.
     */
    public static final TopicSpec<ManualTask> ACCESS_MANUAL_TASKS = new TopicSpec<>(
            "access-manual-tasks", ManualTask.class, "task id (the command's actionId)", PERSON_PARTITIONS,
            CleanupPolicy.COMPACT, Map.of(), "access-service");

    public static final TopicSpec<EquipmentEvent> EQUIPMENT_EVENTS = new TopicSpec<>(
            "equipment-events", EquipmentEvent.class, PERSON_ID, PERSON_PARTITIONS,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, NINETY_DAYS_MS), "equipment-service");

    /**
     * Deskside steps as submitted over equipment-service's API, before they are checked: the service's own input, so
     * a step is applied in order with the lifecycle events of the same person (same key, same partition count).
     */
    public static final TopicSpec<DesksideStepSubmitted> EQUIPMENT_DESKSIDE_STEPS = new TopicSpec<>(
            "equipment-deskside-steps", DesksideStepSubmitted.class, PERSON_ID, PERSON_PARTITIONS,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, NINETY_DAYS_MS), "equipment-service");

    /** Keyed by the subject's person id: each partition is one hash chain, fed by the co-partitioned inputs. */
    public static final TopicSpec<AuditRecord> AUDIT_LOG = new TopicSpec<>(
            "audit-log", AuditRecord.class, "subject person id", PERSON_PARTITIONS,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, KEEP_FOREVER), "audit-service");

    /**
     * The heads of the audit-log chains, one record per partition each time its head moved (written in the same
     * transaction as the records it covers): the log must still reach every head published here, so a truncated log
     * is detected. Kept forever; one partition, read whole by the verifier.
     */
    public static final TopicSpec<AuditCheckpoint> AUDIT_CHECKPOINTS = new TopicSpec<>(
            "audit-checkpoints", AuditCheckpoint.class, "audit-log partition", 1,
            CleanupPolicy.DELETE, Map.of(RETENTION_MS, KEEP_FOREVER), "audit-service");

    public static final TopicSpec<SleCaseStatus> SLE_CASE_STATUS = new TopicSpec<>(
            "sle-case-status", SleCaseStatus.class, "case id", PERSON_PARTITIONS,
            CleanupPolicy.COMPACT, Map.of(), "audit-service");

    public static final TopicSpec<SleCompliance> SLE_COMPLIANCE = new TopicSpec<>(
            "sle-compliance", SleCompliance.class, "sle:agency:periodKind:periodStart", PERSON_PARTITIONS,
            CleanupPolicy.COMPACT, Map.of(), "audit-service");

    public static final List<TopicSpec<?>> ALL = List.of(
            HR_LIFECYCLE_EVENTS, ACCESS_EVENTS, ACCESS_COMMANDS, ACCESS_LEGAL_HOLDS, ACCESS_MANUAL_TASKS,
            EQUIPMENT_EVENTS, EQUIPMENT_DESKSIDE_STEPS, AUDIT_LOG, AUDIT_CHECKPOINTS, SLE_CASE_STATUS, SLE_COMPLIANCE);

    private Topics() {
    }

    /** The dead-letter topic where {@code consumer} parks the records of {@code topic} it cannot process. */
    public static String deadLetter(String consumer, TopicSpec<?> topic) {
        Objects.requireNonNull(topic, "topic");
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("consumer must not be blank");
        }
        return TopicNames.requireValid(consumer + "-" + topic.name() + DLQ_SUFFIX);
    }
}
