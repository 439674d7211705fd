package dev.tenure.access.manual;

import dev.tenure.access.manual.ManualTask.Request;
import dev.tenure.access.manual.ManualTask.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The life of a manual task: OPEN (in its application's queue) → ASSIGNED (to a provisioner) → reassigned, with a
 * reason → DONE (comment optional, when it was done: not in the future) or ERRORED (comment required). DONE and ERRORED
 * are final. An open task is reminded once {@code remindAfter} after it opened and escalated once (to the escalation
 * queue, and assignee if one is configured) {@code escalateAfter} after it opened.
 *
 * <p>Every change is checked in this order: the request's fields (422, naming each bad field), the version the caller
 * saw (409 {@code stale-version}: someone changed it since), then whether the task's state allows it (409
 * {@code task-state}). A refused change changes nothing. Plain Java; time is a parameter.
 */
public final class TaskTransitions {

    /** Longest reason or comment kept. */
    public static final int MAX_TEXT = 1000;
    /** Longest assignee name. */
    public static final int MAX_NAME = 200;

    /** The ageing rules. */
    public record Settings(Duration remindAfter, Duration escalateAfter, String escalationQueue,
                           String escalationAssignee) {
        public Settings {
            Objects.requireNonNull(remindAfter, "remindAfter");
            Objects.requireNonNull(escalateAfter, "escalateAfter");
            Objects.requireNonNull(escalationQueue, "escalationQueue");
            if (remindAfter.isNegative() || escalateAfter.isNegative()) {
                throw new IllegalArgumentException("remindAfter and escalateAfter must not be negative");
            }
        }
    }

    /** What a change was, in the words of the outcome events. */
    public enum Kind {
        OPENED,
        ASSIGNED,
        REASSIGNED,
        DONE,
        ERRORED,
        REMINDED,
        ESCALATED
    }

    /** One field of a request that is not acceptable, and why. */
    public record FieldError(String field, String reason) {
    }

    /** A change made: the task after it, and what it was. */
    public record Applied(ManualTask task, Kind kind) {
    }

    /** A change refused: the HTTP status it answers with, a problem slug, a detail, and the bad fields (422). */
    public record Refusal(int status, String slug, String detail, List<FieldError> errors) {
        public Refusal {
            errors = List.copyOf(errors);
        }
    }

    /** Either applied or refused. */
    public record Result(Applied applied, Refusal refusal) {
        public boolean ok() {
            return applied != null;
        }
    }

    private final Settings settings;

    public TaskTransitions(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    /** A new task, OPEN in {@code queue}, version 1. */
    public static ManualTask open(String taskId, String personId, String agency, String targetSystem,
                                  String entitlement, String group, Request request, String step, String causationId,
                                  String correlationId, Instant dueAt, String queue, String by, Instant now) {
        return new ManualTask(taskId, 1, personId, agency, targetSystem, entitlement, group, request, step,
                causationId, correlationId, dueAt, State.OPEN, queue, null, now, now, by, null, null, null, null);
    }

    /** Takes an OPEN task: assigned to {@code assignee}, or to the caller when null. */
    public Result assign(ManualTask task, Integer expectedVersion, String actor, String assignee, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String to = assignee == null ? actor : assignee.strip();
        checkName(errors, "assignee", to);
        Refusal refused = check(task, expectedVersion, errors);
        if (refused != null) {
            return refuse(refused);
        }
        if (task.state() != State.OPEN) {
            return refuse(state(task, task.state() == State.ASSIGNED ? "it is assigned to " + task.assignee()
                    + ": reassign it, with a reason" : "it is " + task.state()));
        }
        return applied(task.next(State.ASSIGNED, task.queue(), to, actor, now, null), Kind.ASSIGNED);
    }

    /** Gives an open or assigned task to someone else; the reason is required. */
    public Result reassign(ManualTask task, Integer expectedVersion, String actor, String assignee, String reason,
                           Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String to = assignee == null ? null : assignee.strip();
        if (to == null || to.isEmpty()) {
            errors.add(new FieldError("assignee", "required: who takes the task over"));
        } else {
            checkName(errors, "assignee", to);
        }
        checkText(errors, "reason", reason, true, "required, not blank: say why, for the record");
        Refusal refused = check(task, expectedVersion, errors);
        if (refused != null) {
            return refuse(refused);
        }
        if (task.isFinal()) {
            return refuse(state(task, "it is " + task.state()));
        }
        if (to.equals(task.assignee())) {
            return refuse(new Refusal(422, "invalid-request", "The request has an invalid field.",
                    List.of(new FieldError("assignee", "the task is already assigned to " + to))));
        }
        return applied(task.next(State.ASSIGNED, task.queue(), to, actor, now, reason.strip()), Kind.REASSIGNED);
    }

    /** Marks an open or assigned task done, as of {@code effectiveAt} (default now; not in the future). */
    public Result done(ManualTask task, Integer expectedVersion, String actor, String comment, Instant effectiveAt,
                       Instant now) {
        List<FieldError> errors = new ArrayList<>();
        checkText(errors, "comment", comment, false, null);
        if (effectiveAt != null && effectiveAt.isAfter(now)) {
            errors.add(new FieldError("effectiveAt", "must not be in the future (now is " + now + ")"));
        }
        Refusal refused = check(task, expectedVersion, errors);
        if (refused != null) {
            return refuse(refused);
        }
        if (task.isFinal()) {
            return refuse(state(task, "it is " + task.state() + " already"));
        }
        Instant at = effectiveAt == null ? now : effectiveAt;
        String kept = comment == null || comment.isBlank() ? null : comment.strip();
        return applied(task.next(State.DONE, task.queue(), task.assignee(), actor, now, kept).completedAt(at),
                Kind.DONE);
    }

    /** Marks an open or assigned task errored: it could not be done; the comment (why) is required. */
    public Result errored(ManualTask task, Integer expectedVersion, String actor, String comment, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        checkText(errors, "comment", comment, true, "required, not blank: say what went wrong");
        Refusal refused = check(task, expectedVersion, errors);
        if (refused != null) {
            return refuse(refused);
        }
        if (task.isFinal()) {
            return refuse(state(task, "it is " + task.state() + " already"));
        }
        return applied(task.next(State.ERRORED, task.queue(), task.assignee(), actor, now, comment.strip())
                .completedAt(now), Kind.ERRORED);
    }

    /**
     * What ageing does to a task at {@code now}: nothing for a final task; a reminder once it is {@code remindAfter}
     * old, then an escalation once it is {@code escalateAfter} old — each once, in that order (both at one check when
     * the service was away for a while).
     */
    public List<Applied> age(ManualTask task, String actor, Instant now) {
        List<Applied> changes = new ArrayList<>();
        ManualTask current = task;
        if (current.isFinal()) {
            return changes;
        }
        if (current.remindedAt() == null && !now.isBefore(current.openedAt().plus(settings.remindAfter()))) {
            current = current.next(current.state(), current.queue(), current.assignee(), actor, now,
                    "open for more than " + settings.remindAfter()).remindedAt(now);
            changes.add(new Applied(current, Kind.REMINDED));
        }
        if (current.escalatedAt() == null && !now.isBefore(current.openedAt().plus(settings.escalateAfter()))) {
            String assignee = settings.escalationAssignee();
            current = current.next(assignee == null ? current.state() : State.ASSIGNED, settings.escalationQueue(),
                    assignee == null ? current.assignee() : assignee, actor, now,
                    "open for more than " + settings.escalateAfter() + ": escalated to " + settings.escalationQueue()
                            + (assignee == null ? "" : " (" + assignee + ")")).escalatedAt(now);
            changes.add(new Applied(current, Kind.ESCALATED));
        }
        return changes;
    }

    /** Open and at least {@code remindAfter} old: the tasks the "overdue" filter lists. */
    public boolean overdue(ManualTask task, Instant now) {
        return !task.isFinal() && !now.isBefore(task.openedAt().plus(settings.remindAfter()));
    }

    // ---- checks

    private static Refusal check(ManualTask task, Integer expectedVersion, List<FieldError> errors) {
        if (expectedVersion == null) {
            errors.add(0, new FieldError("version", "required: the task's version as you last read it"));
        }
        if (!errors.isEmpty()) {
            return new Refusal(422, "invalid-request", errors.size() == 1 ? "The request has an invalid field."
                    : "The request has invalid fields.", errors);
        }
        if (expectedVersion != task.version()) {
            return new Refusal(409, "stale-version", "Task " + task.taskId() + " is at version " + task.version()
                    + " (changed by " + task.updatedBy() + " at " + task.updatedAt() + "), not " + expectedVersion
                    + ": read it again and decide on its current state.", List.of());
        }
        return null;
    }

    private static Refusal state(ManualTask task, String why) {
        return new Refusal(409, "task-state", "Task " + task.taskId() + " cannot be changed that way: " + why + ".",
                List.of());
    }

    private static void checkName(List<FieldError> errors, String field, String name) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError(field, "at most " + MAX_NAME + " characters"));
        }
    }

    private static void checkText(List<FieldError> errors, String field, String text, boolean required,
                                  String missing) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, missing));
            }
        } else if (text.strip().length() > MAX_TEXT) {
            errors.add(new FieldError(field, "at most " + MAX_TEXT + " characters"));
        }
    }

    private static Result applied(ManualTask task, Kind kind) {
        return new Result(new Applied(task, kind), null);
    }

    private static Result refuse(Refusal refusal) {
        return new Result(null, refusal);
    }
}
