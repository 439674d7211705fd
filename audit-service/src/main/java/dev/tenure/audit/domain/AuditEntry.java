package dev.tenure.audit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of the audit log as plain Java: the fields of {@code audit.AuditRecord}, in its order. {@link ChainHash}
 * says how {@code hash} is computed from {@code previousHash} and the others.
 *
 * @param eventId         the audit record's own id, derived from the audited record's place
 *                        ({@code sourceTopic/sourcePartition/sourceOffset})
 * @param occurredAt      when the audited event occurred
 * @param causationId     the audited event's eventId: why this record exists
 * @param correlationId   the audited event's case
 * @param source          the service that recorded it: audit-service
 * @param sequence        the place in the partition's chain, from 0 without gaps
 * @param actor           who did it
 * @param action          what was done
 * @param subjectPersonId who it is about; the record key
 * @param target          the system or item acted on, or null
 * @param effectiveAt     when the change took effect, or null when that is occurredAt
 * @param recordedAt      when the audit service recorded it
 * @param payloadDigest   lower-case hex SHA-256 of the audited record's value as it was on its topic
 * @param previousHash    the hash of the record before it in the chain; {@link ChainHash#GENESIS} for sequence 0
 * @param hash            SHA-256 of previousHash and the content digest of every other field
 */
public record AuditEntry(String eventId, Instant occurredAt, String causationId, String correlationId, String source,
                         long sequence, String actor, String action, String subjectPersonId, String target,
                         Instant effectiveAt, Instant recordedAt, String sourceTopic, int sourcePartition,
                         long sourceOffset, String payloadDigest, String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectPersonId, "subjectPersonId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The same record with {@code hash} replaced (for tests and tampering drills). */
    public AuditEntry withHash(String newHash) {
        return new AuditEntry(eventId, occurredAt, causationId, correlationId, source, sequence, actor, action,
                subjectPersonId, target, effectiveAt, recordedAt, sourceTopic, sourcePartition, sourceOffset,
                payloadDigest, previousHash, newHash);
    }

    /** The same record with another actor (a tampering drill: an edited field). */
    public AuditEntry withActor(String newActor) {
        return new AuditEntry(eventId, occurredAt, causationId, correlationId, source, sequence, newActor, action,
                subjectPersonId, target, effectiveAt, recordedAt, sourceTopic, sourcePartition, sourceOffset,
                payloadDigest, previousHash, hash);
    }
}
