package dev.tenure.audit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The last record of one chain: its sequence and hash. A chain with no record yet has sequence -1 and the
 * {@link ChainHash#GENESIS} hash, so the first record gets sequence 0 and previousHash GENESIS.
 */
public record ChainHead(long sequence, String hash) {

    public static final ChainHead EMPTY = new ChainHead(-1, ChainHash.GENESIS);
    public static final String AUDIT_SOURCE = "audit-service";

    public ChainHead {
        Objects.requireNonNull(hash, "hash");
    }

    public boolean isEmpty() {
        return sequence < 0;
    }

    /** The next record of this chain: the facts placed after this head, hashed. */
    public AuditEntry append(AuditFacts facts, SourcePosition position, String payloadDigest, Instant recordedAt) {
        AuditEntry unhashed = new AuditEntry(position.auditEventId(), facts.occurredAt(), facts.causationId(),
                facts.correlationId(), AUDIT_SOURCE, sequence + 1, facts.actor(), facts.action(),
                facts.subjectPersonId(), facts.target(), facts.effectiveAt(), recordedAt, position.topic(),
                position.partition(), position.offset(), payloadDigest, hash, "");
        return unhashed.withHash(ChainHash.hashOf(unhashed));
    }

    /** The head after {@code entry}. */
    public static ChainHead of(AuditEntry entry) {
        return new ChainHead(entry.sequence(), entry.hash());
    }

    /** "sequence:hash", as the head is kept in the chain's state store. */
    public String format() {
        return sequence + ":" + hash;
    }

    public static ChainHead parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a chain head (sequence:hash): " + text);
        }
        return new ChainHead(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
    }
}
