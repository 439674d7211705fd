package dev.tenure.audit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What one audited event says, before it is placed in a chain: who did what to whom, when, and why.
 *
 * @param causationId the audited event's eventId (null only for a record that could not be read)
 * @param target      the system or item acted on, or null
 * @param effectiveAt when the change took effect, or null when that is {@code occurredAt}
 */
public record AuditFacts(Instant occurredAt, String causationId, String correlationId, String actor, String action,
                         String subjectPersonId, String target, Instant effectiveAt) {

    public AuditFacts {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectPersonId, "subjectPersonId");
    }
}
