package dev.tenure.access.manual;

import dev.tenure.access.manual.TaskTransitions.Kind;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Where manual tasks live: the current state of every task (the same on every instance), and the one way to change
 * one — {@link #write}, which records the new state together with its outcome event, both or neither.
 */
public interface TaskStore {

    /** Whether the view holds every task written before this instance started (false while it still reads them). */
    boolean ready();

    Optional<ManualTask> find(String taskId);

    Collection<ManualTask> all();

    /**
     * Records {@code task} (its new state) and the outcome event of the change, atomically, and only then shows it in
     * the view. {@code actor} made the change, which took effect at {@code effectiveAt}. For {@link Kind#OPENED} only
     * the task is written: the executor reports the command's outcome itself, once the task is recorded.
     */
    void write(ManualTask task, Kind kind, String actor, Instant effectiveAt) throws StoreException;

    /** The store could not record a change (the broker did not take it): nothing was changed. */
    final class StoreException extends Exception {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
