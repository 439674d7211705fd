package dev.tenure.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.domain.Finding.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final int PARTITION = 2;

    @Test
    void shouldFindAnUntouchedChainIntactUpToItsLastRecord() {
        // Given a chain of 10 records and a checkpoint of its head
        List<LoggedEntry> chain = SampleChain.of(PARTITION, 10);

        // When it is verified
        ChainReport report = verify(chain, checkpointOf(chain, 9));

        // Then it is intact up to record 9
        assertThat(report.intact()).isTrue();
        assertThat(report.lastSequence()).isEqualTo(9);
        assertThat(report.verified()).isEqualTo(10);
        assertThat(report.summary()).isEqualTo("partition 2: intact up to record 9 (10 records), matches its "
                + "checkpoint at record 9");
    }

    @Test
    void shouldFindAChainIntactWhenRecordsFollowItsLastCheckpoint() {
        List<LoggedEntry> chain = SampleChain.of(PARTITION, 10);

        assertThat(verify(chain, checkpointOf(chain, 6)).intact()).isTrue();
        assertThat(verify(chain, null).summary()).endsWith("no checkpoint published yet");
        assertThat(verify(List.of(), null).summary()).isEqualTo("partition 2: intact, no records, no checkpoint "
                + "published yet");
    }

    @Test
    void shouldNameTheRecordWhoseFieldWasEdited() {
        // Given record 4's actor is changed
        List<LoggedEntry> chain = new ArrayList<>(SampleChain.of(PARTITION, 10));
        LoggedEntry original = chain.get(4);
        chain.set(4, new LoggedEntry(PARTITION, 4, original.key(), original.entry().withActor("mallory")));

        // When the chain is verified
        ChainReport report = verify(chain, checkpointOf(SampleChain.of(PARTITION, 10), 9));

        // Then record 4 is named as edited, and the chain is intact before it
        assertThat(report.finding().kind()).isEqualTo(Kind.EDITED);
        assertThat(report.finding().sequence()).isEqualTo(4);
        assertThat(report.finding().offset()).isEqualTo(4);
        assertThat(report.lastSequence()).isEqualTo(3);
        assertThat(report.summary()).startsWith("partition 2, sequence 4 (offset 4): EDITED");
    }

    @Test
    void shouldNameAnEditedRecordEvenWhenItsOwnHashWasRecomputed() {
        // Given record 4's actor is changed and its hash recomputed to match
        List<LoggedEntry> chain = new ArrayList<>(SampleChain.of(PARTITION, 10));
        AuditEntry forged = chain.get(4).entry().withActor("mallory");
        chain.set(4, new LoggedEntry(PARTITION, 4, forged.subjectPersonId(), forged.withHash(ChainHash.hashOf(forged))));

        // Then record 5 no longer links to it
        ChainReport report = verify(chain, null);
        assertThat(report.finding().kind()).isEqualTo(Kind.BROKEN_LINK);
        assertThat(report.finding().sequence()).isEqualTo(5);
        assertThat(report.finding().detail()).contains("offset 4");
    }

    @Test
    void shouldNameTheRecordThatWasRemoved() {
        // Given record 6 is dropped (the copy renumbers the offsets)
        List<LoggedEntry> chain = new ArrayList<>(SampleChain.of(PARTITION, 10));
        chain.remove(6);

        // Then record 6 is named as removed, found missing where record 7 stands
        ChainReport report = verify(SampleChain.renumbered(chain), null);
        assertThat(report.finding().kind()).isEqualTo(Kind.REMOVED);
        assertThat(report.finding().sequence()).isEqualTo(6);
        assertThat(report.finding().offset()).isEqualTo(6);
        assertThat(report.finding().detail()).startsWith("record 6 is missing");
        assertThat(report.lastSequence()).isEqualTo(5);
    }

    @Test
    void shouldNameTheFirstRecordsWhenTheStartWasRemoved() {
        List<LoggedEntry> chain = SampleChain.of(PARTITION, 10).subList(3, 10);

        ChainReport report = verify(SampleChain.renumbered(chain), null);

        assertThat(report.finding().kind()).isEqualTo(Kind.REMOVED);
        assertThat(report.finding().sequence()).isZero();
        assertThat(report.finding().detail()).startsWith("records 0 to 2 are missing");
    }

    @Test
    void shouldNameTheRecordsThatWereSwapped() {
        // Given records 3 and 4 change places
        List<LoggedEntry> chain = new ArrayList<>(SampleChain.of(PARTITION, 10));
        Collections.swap(chain, 3, 4);

        // Then record 3 is named as moved: it stands after record 4
        ChainReport report = verify(SampleChain.renumbered(chain), null);
        assertThat(report.finding().kind()).isEqualTo(Kind.REORDERED);
        assertThat(report.finding().sequence()).isEqualTo(3);
        assertThat(report.finding().offset()).isEqualTo(4);
        assertThat(report.finding().detail()).contains("after sequence 4 (offset 3)");
    }

    @Test
    void shouldNameARecordThatAppearsTwice() {
        List<LoggedEntry> chain = new ArrayList<>(SampleChain.of(PARTITION, 10));
        chain.add(5, chain.get(2));

        ChainReport report = verify(SampleChain.renumbered(chain), null);

        assertThat(report.finding().kind()).isEqualTo(Kind.DUPLICATED);
        assertThat(report.finding().sequence()).isEqualTo(2);
        assertThat(report.finding().offset()).isEqualTo(5);
    }

    @Test
    void shouldReportATruncatedLogAgainstItsCheckpoint() {
        // Given the last three records are gone, but the head was checkpointed
        List<LoggedEntry> full = SampleChain.of(PARTITION, 10);

        // Then the first missing record is named
        ChainReport report = verify(full.subList(0, 7), checkpointOf(full, 9));
        assertThat(report.finding().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(report.finding().sequence()).isEqualTo(7);
        assertThat(report.finding().offset()).isNull();
        assertThat(report.finding().detail()).contains("records 7 to 9 are missing from the end");
        assertThat(verify(List.of(), checkpointOf(full, 9)).finding().kind()).isEqualTo(Kind.TRUNCATED);
    }

    @Test
    void shouldReportAChainRewrittenUpToItsCheckpoint() {
        List<LoggedEntry> chain = SampleChain.of(PARTITION, 10);
        Checkpoint other = new Checkpoint(PARTITION, 9, "f".repeat(64), SampleChain.START);

        ChainReport report = verify(chain, other);

        assertThat(report.finding().kind()).isEqualTo(Kind.REWRITTEN);
        assertThat(report.finding().sequence()).isEqualTo(9);
    }

    @Test
    void shouldReportAnUnreadableRecordAndAKeyThatIsNotItsSubjectAsEdited() {
        List<LoggedEntry> chain = new ArrayList<>(SampleChain.of(PARTITION, 5));
        chain.set(2, new LoggedEntry(PARTITION, 2, "P-0", null));
        assertThat(verify(chain, null).finding()).extracting(Finding::kind, Finding::sequence)
                .containsExactly(Kind.EDITED, 2L);

        List<LoggedEntry> rekeyed = new ArrayList<>(SampleChain.of(PARTITION, 5));
        rekeyed.set(1, new LoggedEntry(PARTITION, 1, "P-OTHER", rekeyed.get(1).entry()));
        assertThat(verify(rekeyed, null).finding().detail()).contains("key P-OTHER is not its subject P-1");
    }

    private static ChainReport verify(List<LoggedEntry> chain, Checkpoint checkpoint) {
        return ChainVerifier.verify(PARTITION, chain.iterator(), checkpoint);
    }

    private static Checkpoint checkpointOf(List<LoggedEntry> chain, int sequence) {
        AuditEntry at = chain.get(sequence).entry();
        return new Checkpoint(PARTITION, at.sequence(), at.hash(), SampleChain.START.plusSeconds(60));
    }
}
