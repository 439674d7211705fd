package dev.tenure.access.manual.store;

import dev.tenure.access.manual.ManualTask;
import dev.tenure.access.manual.TaskTransitions.Kind;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.access.ManualTaskRequest;
import dev.tenure.schemas.access.ManualTaskState;
import java.time.Instant;
import java.util.UUID;

/** Between a task and its records: the state on access-manual-tasks, and the outcome of a change on access-events. */
public final class ManualTaskRecords {

    public static final String SERVICE = "access-service";

    private ManualTaskRecords() {
    }

    public static dev.tenure.schemas.access.ManualTask toRecord(ManualTask t, Instant occurredAt) {
        return new dev.tenure.schemas.access.ManualTask(UUID.randomUUID().toString(), occurredAt, t.causationId(),
                t.correlationId() == null ? "" : t.correlationId(), SERVICE, t.taskId(), t.version(), t.personId(),
                t.agency() == null ? "UNKNOWN" : t.agency(), t.targetSystem(), t.entitlement(), t.group(),
                ManualTaskRequest.valueOf(t.request().name()), t.step() == null ? "UNKNOWN" : t.step(), t.dueAt(),
                ManualTaskState.valueOf(t.state().name()), t.queue(), t.assignee(), t.openedAt(), t.updatedAt(),
                t.updatedBy(), t.comment(), t.completedAt(), t.remindedAt(), t.escalatedAt());
    }

    /** The task a record holds; an enum this version does not know is an error (the record is skipped, logged). */
    public static ManualTask fromRecord(dev.tenure.schemas.access.ManualTask r) {
        if (r.getState() == ManualTaskState.UNKNOWN || r.getRequest() == ManualTaskRequest.UNKNOWN) {
            throw new IllegalArgumentException("task " + r.getTaskId() + " has state " + r.getState() + ", request "
                    + r.getRequest() + ": unknown to this version");
        }
        return new ManualTask(r.getTaskId(), r.getVersion(), r.getPersonId(), r.getAgency(), r.getTargetSystem(),
                r.getEntitlement(), r.getGroup(), ManualTask.Request.valueOf(r.getRequest().name()), r.getStep(),
                r.getCausationId(), r.getCorrelationId(), r.getDueAt(), ManualTask.State.valueOf(r.getState().name()),
                r.getQueue(), r.getAssignee(), r.getOpenedAt(), r.getUpdatedAt(), r.getUpdatedBy(), r.getComment(),
                r.getCompletedAt(), r.getRemindedAt(), r.getEscalatedAt());
    }

    /**
     * The outcome event of a change by {@code actor}, effective at {@code effectiveAt}, under the task's (the command's)
     * actionId, causation, case and due time: DONE → MANUAL_TASK_COMPLETED / DONE; ERRORED → MANUAL_TASK_COMPLETED /
     * FAILED with the comment as the reason; an assignment, a reassignment, a reminder or an escalation →
     * MANUAL_TASK_ASSIGNED / _REMINDED / _ESCALATED, still WAITING_FOR_HUMAN. Null for the opening (the executor
     * reports it).
     */
    public static AccessEvent outcome(ManualTask t, Kind kind, String actor, Instant effectiveAt, Instant occurredAt) {
        AccessAction action;
        AccessOutcome outcome;
        String reason;
        switch (kind) {
            case ASSIGNED -> {
                action = AccessAction.MANUAL_TASK_ASSIGNED;
                outcome = AccessOutcome.WAITING_FOR_HUMAN;
                reason = "assigned to " + t.assignee() + " (queue " + t.queue() + ")";
            }
            case REASSIGNED -> {
                action = AccessAction.MANUAL_TASK_ASSIGNED;
                outcome = AccessOutcome.WAITING_FOR_HUMAN;
                reason = "reassigned to " + t.assignee() + " (queue " + t.queue() + "): " + t.comment();
            }
            case REMINDED -> {
                action = AccessAction.MANUAL_TASK_REMINDED;
                outcome = AccessOutcome.WAITING_FOR_HUMAN;
                reason = "reminder: " + t.comment() + " (queue " + t.queue()
                        + (t.assignee() == null ? "" : ", assigned to " + t.assignee()) + ")";
            }
            case ESCALATED -> {
                action = AccessAction.MANUAL_TASK_ESCALATED;
                outcome = AccessOutcome.WAITING_FOR_HUMAN;
                reason = t.comment();
            }
            case DONE -> {
                action = AccessAction.MANUAL_TASK_COMPLETED;
                outcome = AccessOutcome.DONE;
                reason = null;
            }
            case ERRORED -> {
                action = AccessAction.MANUAL_TASK_COMPLETED;
                outcome = AccessOutcome.FAILED;
                reason = t.comment();
            }
            default -> {
                return null;
            }
        }
        return new AccessEvent(UUID.randomUUID().toString(), occurredAt, t.causationId(),
                t.correlationId() == null ? "" : t.correlationId(), SERVICE, t.personId(),
                t.agency() == null ? "UNKNOWN" : t.agency(), t.targetSystem(), t.entitlement(), action, outcome, reason,
                effectiveAt, actor, t.taskId(), t.dueAt());
    }
}
