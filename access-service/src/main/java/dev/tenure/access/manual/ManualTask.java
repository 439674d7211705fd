package dev.tenure.access.manual;

import java.time.Instant;
import java.util.Objects;

/**
 * One change in an application with no API, for a person to make: grant or revoke {@code group} for
 * {@code personId} in {@code targetSystem} ({@code manual:<app>}). Its id is the command's actionId, so a replayed
 * command finds its task instead of opening a second one; {@code version} is 1 when opened and one more at each
 * change (a change asked against an older version is refused). Plain Java: {@link TaskTransitions} makes the changes.
 */
public record ManualTask(String taskId, int version, String personId, String agency, String targetSystem,
                         String entitlement, String group, Request request, String step, String causationId,
                         String correlationId, Instant dueAt, State state, String queue, String assignee,
                         Instant openedAt, Instant updatedAt, String updatedBy, String comment, Instant completedAt,
                         Instant remindedAt, Instant escalatedAt) {

    public static final String MANUAL_PREFIX = "manual:";

    /** Where a task stands: OPEN in a queue, ASSIGNED to a provisioner, DONE or ERRORED for good. */
    public enum State {
        OPEN,
        ASSIGNED,
        DONE,
        ERRORED;

        public boolean isFinal() {
            return this == DONE || this == ERRORED;
        }
    }

    /** What the person must do in the application. */
    public enum Request {
        GRANT,
        REVOKE
    }

    public ManualTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(targetSystem, "targetSystem");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
    }

    /** The application: {@code payroll-legacy} for {@code manual:payroll-legacy}. */
    public String app() {
        return appOf(targetSystem);
    }

    public static String appOf(String targetSystem) {
        return targetSystem.startsWith(MANUAL_PREFIX) ? targetSystem.substring(MANUAL_PREFIX.length()) : targetSystem;
    }

    public boolean isFinal() {
        return state.isFinal();
    }

    /** The next version of this task, changed by {@code by} at {@code at}: the base of every transition. */
    ManualTask next(State newState, String newQueue, String newAssignee, String by, Instant at, String newComment) {
        return new ManualTask(taskId, version + 1, personId, agency, targetSystem, entitlement, group, request, step,
                causationId, correlationId, dueAt, newState, newQueue, newAssignee, openedAt, at, by, newComment,
                completedAt, remindedAt, escalatedAt);
    }

    ManualTask completedAt(Instant at) {
        return new ManualTask(taskId, version, personId, agency, targetSystem, entitlement, group, request, step,
                causationId, correlationId, dueAt, state, queue, assignee, openedAt, updatedAt, updatedBy, comment, at,
                remindedAt, escalatedAt);
    }

    ManualTask remindedAt(Instant at) {
        return new ManualTask(taskId, version, personId, agency, targetSystem, entitlement, group, request, step,
                causationId, correlationId, dueAt, state, queue, assignee, openedAt, updatedAt, updatedBy, comment,
                completedAt, at, escalatedAt);
    }

    ManualTask escalatedAt(Instant at) {
        return new ManualTask(taskId, version, personId, agency, targetSystem, entitlement, group, request, step,
                causationId, correlationId, dueAt, state, queue, assignee, openedAt, updatedAt, updatedBy, comment,
                completedAt, remindedAt, at);
    }
}
