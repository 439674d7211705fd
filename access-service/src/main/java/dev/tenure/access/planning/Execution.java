package dev.tenure.access.planning;

import dev.tenure.access.connector.AccessCommand;
import java.time.Instant;
import java.util.Objects;

/**
 * One command to carry out now in one target, with what the outcome event must say: a deterministic
 * {@code actionId} (the same milestone always expands to the same ids, so a replay is recognisable), the HR event
 * that caused it, the entitlement concerned (null for the account itself) and when it was due.
 */
public record Execution(String actionId, String causationId, String personId, String agency, String target,
                        String entitlementId, Step step, AccessCommand command, Instant dueAt) {

    public Execution {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** What the command does, in the words of the outcome events. */
    public enum Step {
        ACCOUNT_CREATED,
        ACCOUNT_UPDATED,
        ACCOUNT_ENABLED,
        ACCOUNT_DISABLED,
        ACCOUNT_DELETED,
        ENTITLEMENT_GRANTED,
        ENTITLEMENT_REVOKED,
        MFA_REVOKED,
        SESSIONS_REVOKED
    }
}
