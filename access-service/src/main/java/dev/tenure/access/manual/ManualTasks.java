package dev.tenure.access.manual;

import dev.tenure.access.manual.ManualTask.State;
import dev.tenure.access.manual.TaskTransitions.Applied;
import dev.tenure.access.manual.TaskTransitions.Refusal;
import dev.tenure.access.manual.TaskTransitions.Result;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The manual tasks of this service: opened by the executor's commands (through {@link ManualTaskConnector}), changed
 * by provisioners, aged by a periodic check. One change at a time on this instance (read the current state, decide,
 * record): a change decided on a state another change replaced is refused as stale. Plain Java: the store and the
 * clock are given.
 */
public final class ManualTasks {

    /** What a provisioner asks for. */
    public sealed interface Action {
        Integer version();
    }

    public record Assign(Integer version, String assignee) implements Action {
    }

    public record Reassign(Integer version, String assignee, String reason) implements Action {
    }

    public record Done(Integer version, String comment, Instant effectiveAt) implements Action {
    }

    public record Errored(Integer version, String comment) implements Action {
    }

    /** The answer to an action: the task after it, or why not (404 when there is no such task). */
    public record Answer(ManualTask task, Refusal refusal) {
        public boolean ok() {
            return task != null;
        }
    }

    /** Which tasks to list; null fields match everything. */
    public record Filter(String queue, String app, State state, String assignee, Boolean overdue) {
    }

    private final TaskStore store;
    private final TaskTransitions rules;
    private final Clock clock;
    private final String serviceActor;
    private final Object lock = new Object();

    public ManualTasks(TaskStore store, TaskTransitions rules, Clock clock, String serviceActor) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serviceActor = Objects.requireNonNull(serviceActor, "serviceActor");
    }

    public TaskTransitions rules() {
        return rules;
    }

    public boolean ready() {
        return store.ready();
    }

    public Instant now() {
        return clock.instant();
    }

    public Optional<ManualTask> find(String taskId) {
        return store.find(taskId);
    }

    /** The tasks matching {@code filter}, oldest first. */
    public List<ManualTask> list(Filter filter) {
        Instant now = clock.instant();
        Predicate<ManualTask> matches = t -> (filter.queue() == null || filter.queue().equals(t.queue()))
                && (filter.app() == null || filter.app().equals(t.app()))
                && (filter.state() == null || filter.state() == t.state())
                && (filter.assignee() == null || filter.assignee().equals(t.assignee()))
                && (filter.overdue() == null || filter.overdue() == rules.overdue(t, now));
        return store.all().stream().filter(matches)
                .sorted(Comparator.comparing(ManualTask::openedAt).thenComparing(ManualTask::taskId)).toList();
    }

    /**
     * Opens the task for a command, once: the same command again (a replay, a redelivery) finds the task it opened.
     * Answers the task as it now is.
     */
    public ManualTask open(ManualTask proposed) throws TaskStore.StoreException {
        synchronized (lock) {
            Optional<ManualTask> existing = store.find(proposed.taskId());
            if (existing.isPresent()) {
                return existing.get();
            }
            store.write(proposed, TaskTransitions.Kind.OPENED, serviceActor, proposed.openedAt());
            return proposed;
        }
    }

    /** A provisioner's action on one task; {@code actor} is who they are (from their token). */
    public Answer act(String taskId, Action action, String actor) throws TaskStore.StoreException {
        synchronized (lock) {
            Optional<ManualTask> found = store.find(taskId);
            if (found.isEmpty()) {
                return new Answer(null, new Refusal(404, "not-found", "There is no manual task " + taskId + ".",
                        List.of()));
            }
            ManualTask task = found.get();
            Instant now = clock.instant();
            Result result;
            if (action instanceof Assign a) {
                result = rules.assign(task, a.version(), actor, a.assignee(), now);
            } else if (action instanceof Reassign r) {
                result = rules.reassign(task, r.version(), actor, r.assignee(), r.reason(), now);
            } else if (action instanceof Done d) {
                result = rules.done(task, d.version(), actor, d.comment(), d.effectiveAt(), now);
            } else if (action instanceof Errored e) {
                result = rules.errored(task, e.version(), actor, e.comment(), now);
            } else {
                throw new IllegalArgumentException("unknown action " + action);
            }
            if (!result.ok()) {
                return new Answer(null, result.refusal());
            }
            Applied applied = result.applied();
            Instant effectiveAt = applied.task().completedAt() != null && applied.task().isFinal()
                    ? applied.task().completedAt() : now;
            store.write(applied.task(), applied.kind(), actor, effectiveAt);
            return new Answer(applied.task(), null);
        }
    }

    /** Reminds and escalates every task that is old enough (each once); answers what it did. */
    public List<Applied> age() throws TaskStore.StoreException {
        List<Applied> done = new ArrayList<>();
        if (!store.ready()) {
            return done;
        }
        Instant now = clock.instant();
        for (ManualTask candidate : List.copyOf(store.all())) {
            if (candidate.isFinal()) {
                continue;
            }
            synchronized (lock) {
                ManualTask current = store.find(candidate.taskId()).orElse(candidate);
                for (Applied change : rules.age(current, serviceActor, now)) {
                    store.write(change.task(), change.kind(), serviceActor, now);
                    done.add(change);
                }
            }
        }
        return done;
    }
}
