package dev.tenure.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    /** The worked example of the README: an auditor's own implementation must give the same digest and hash. */
    static final AuditEntry EXAMPLE = new AuditEntry("7b0c5a53-3f5e-3c4a-9a6e-2f8d7c1e0b11",
            Instant.parse("2027-06-30T21:00:00Z"), "c0ffee00-0000-4000-8000-000000000001", "case-carol",
            "audit-service", 0, "access-service", "ACCOUNT_DISABLED:DONE", "P-CAROL", "directory",
            Instant.parse("2027-06-30T21:00:00.250Z"), Instant.parse("2027-06-30T21:00:01Z"), "access-events", 3, 42,
            "5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ChainHash.GENESIS, "");

    @Test
    void shouldWriteTheCanonicalFormFieldByFieldWithByteLengths() {
        assertThat(ChainHash.canonical(EXAMPLE)).isEqualTo("""
                tenure-audit-v1
                eventId=36:7b0c5a53-3f5e-3c4a-9a6e-2f8d7c1e0b11
                occurredAt=24:2027-06-30T21:00:00.000Z
                causationId=36:c0ffee00-0000-4000-8000-000000000001
                correlationId=10:case-carol
                source=13:audit-service
                sequence=1:0
                actor=14:access-service
                action=21:ACCOUNT_DISABLED:DONE
                subjectPersonId=7:P-CAROL
                target=9:directory
                effectiveAt=24:2027-06-30T21:00:00.250Z
                recordedAt=24:2027-06-30T21:00:01.000Z
                sourceTopic=13:access-events
                sourcePartition=1:3
                sourceOffset=2:42
                payloadDigest=64:5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                """);
    }

    @Test
    void shouldGiveTheDocumentedDigestAndHash() {
        // Computed independently (Python hashlib over the canonical form above), and shown in the README
        assertThat(ChainHash.contentDigest(EXAMPLE)).isEqualTo(ExampleHashes.CONTENT_DIGEST);
        assertThat(ChainHash.hashOf(EXAMPLE)).isEqualTo(ExampleHashes.HASH);
    }

    @Test
    void shouldTellNullFromEmptyAndCountBytesNotCharacters() {
        AuditEntry withEmptyTarget = new AuditEntry("e", EXAMPLE.occurredAt(), null, "", "audit-service", 1,
                "José Nguyễn", "COLLECTED", "P-1", "", null, EXAMPLE.recordedAt(), "equipment-events", 0, 0, "d",
                ChainHash.GENESIS, "");
        String canonical = ChainHash.canonical(withEmptyTarget);

        assertThat(canonical).contains("causationId=-\n", "correlationId=0:\n", "target=0:\n", "effectiveAt=-\n")
                .contains("actor=14:José Nguyễn\n");
    }

    @Test
    void shouldChangeTheHashWithAnyFieldAndWithThePreviousHash() {
        String hash = ChainHash.hashOf(EXAMPLE);

        assertThat(ChainHash.hashOf(EXAMPLE.withActor("someone-else"))).isNotEqualTo(hash);
        AuditEntry otherPredecessor = new AuditEntry(EXAMPLE.eventId(), EXAMPLE.occurredAt(), EXAMPLE.causationId(),
                EXAMPLE.correlationId(), EXAMPLE.source(), EXAMPLE.sequence(), EXAMPLE.actor(), EXAMPLE.action(),
                EXAMPLE.subjectPersonId(), EXAMPLE.target(), EXAMPLE.effectiveAt(), EXAMPLE.recordedAt(),
                EXAMPLE.sourceTopic(), EXAMPLE.sourcePartition(), EXAMPLE.sourceOffset(), EXAMPLE.payloadDigest(),
                "1".repeat(64), "");
        assertThat(ChainHash.hashOf(otherPredecessor)).isNotEqualTo(hash);
        assertThat(ChainHash.contentDigest(otherPredecessor)).isEqualTo(ChainHash.contentDigest(EXAMPLE));
    }

    @Test
    void shouldChainEachRecordToItsPredecessor() {
        var chain = SampleChain.of(0, 3);

        assertThat(chain.get(0).entry().previousHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(chain.get(0).entry().sequence()).isZero();
        assertThat(chain.get(1).entry().previousHash()).isEqualTo(chain.get(0).entry().hash());
        assertThat(chain.get(2).entry().sequence()).isEqualTo(2);
        assertThat(chain).allSatisfy(l -> assertThat(ChainHash.hashOf(l.entry())).isEqualTo(l.entry().hash()));
    }
}
