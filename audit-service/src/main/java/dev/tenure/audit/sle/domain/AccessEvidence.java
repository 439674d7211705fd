package dev.tenure.audit.sle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing known about one access change: that it is planned (a command), or how an attempt ended (an outcome).
 * Several records of one change share its {@code actionId}: a failure then a success, or a second ALREADY_SO after a
 * crash. {@code at} is when an outcome took effect (null for a plan); {@code plannedDueAt} when the planner meant it to
 * happen (may be null).
 */
public record AccessEvidence(String eventId, String actionId, String causationId, String correlationId,
                             AccessAction action, String targetSystem, String entitlement, Result result, Instant at,
                             Instant plannedDueAt) {

    /** What the record says about the change. */
    public enum Result {
        /** Planned: it has to happen. */
        PLANNED,
        /** Done, or found already so: it happened, at {@code at}. */
        DONE,
        /** Attempted and failed: it still has to happen. */
        FAILED,
        /** Waiting for a person: it still has to happen. */
        WAITING
    }

    public AccessEvidence {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        actionId = actionId == null ? eventId : actionId;
        if (result == Result.DONE) {
            Objects.requireNonNull(at, "a done change needs the time it took effect");
        }
    }
}
