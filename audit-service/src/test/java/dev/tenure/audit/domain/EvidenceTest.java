package dev.tenure.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.domain.Finding.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private final List<LoggedEntry> zero = SampleChain.of(0, 12);
    private final List<LoggedEntry> one = SampleChain.of(1, 8);
    private final Map<Integer, List<LoggedEntry>> log = Map.of(0, zero, 1, one);

    @Test
    void shouldExportAPersonsRecordsWithTheLinksToTheEarliestCheckpointAfterThem() {
        // Given checkpoints at 5 and 11 on partition 0, none on partition 1; P-1 has records 1, 5, 9 on each
        List<Checkpoint> checkpoints = List.of(checkpoint(zero, 5), checkpoint(zero, 11));

        // When P-1's evidence up to record 5 of partition 0 is taken
        Evidence evidence = EvidenceBuilder.build("person P-1", SampleChain.START, Map.of(0, zero.subList(0, 8)),
                checkpoints, e -> e.subjectPersonId().equals("P-1") && e.sequence() <= 5);

        // Then it holds records 1 and 5, the links 1..5, anchored on the checkpoint at 5
        assertThat(evidence.records()).extracting(l -> l.entry().sequence()).containsExactly(1L, 5L);
        assertThat(evidence.links()).extracting(ChainLink::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(evidence.anchors()).containsExactly(checkpoints.get(0));
        assertThat(EvidenceVerifier.verify(evidence).intact()).isTrue();
    }

    @Test
    void shouldAnchorOnTheHeadWhenNoCheckpointCoversTheRecordsYet() {
        Evidence evidence = EvidenceBuilder.build("person P-1", SampleChain.START, log, List.of(),
                EvidenceBuilder.person("P-1"));

        assertThat(evidence.records()).extracting(LoggedEntry::partition, l -> l.entry().sequence())
                .containsExactly(tuple(0, 1L), tuple(0, 5L), tuple(0, 9L), tuple(1, 1L), tuple(1, 5L));
        assertThat(evidence.anchors()).extracting(Checkpoint::partition, Checkpoint::sequence, Checkpoint::at)
                .containsExactly(tuple(0, 11L, null), tuple(1, 7L, null));
        Verification verification = EvidenceVerifier.verify(evidence);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.summary()).startsWith("partition 0: intact up to record 11 (11 records), matches "
                + "its checkpoint at record 11");
    }

    @Test
    void shouldExportAPeriodByWhenTheEventsOccurred() {
        Evidence evidence = EvidenceBuilder.build("period", SampleChain.START, log, List.of(),
                EvidenceBuilder.period(SampleChain.START.plusSeconds(3), SampleChain.START.plusSeconds(5)));

        assertThat(evidence.records()).extracting(l -> l.entry().sequence()).containsExactly(3L, 4L, 3L, 4L);
    }

    @Test
    void shouldNameAnExportedRecordWhoseFieldWasEdited() {
        Evidence evidence = EvidenceBuilder.build("person P-1", SampleChain.START, log, List.of(),
                EvidenceBuilder.person("P-1"));
        List<LoggedEntry> records = new ArrayList<>(evidence.records());
        LoggedEntry second = records.get(1);
        records.set(1, new LoggedEntry(0, second.offset(), second.key(), second.entry().withActor("mallory")));

        Finding finding = EvidenceVerifier.verify(new Evidence(evidence.scope(), evidence.exportedAt(), records,
                evidence.links(), evidence.anchors())).firstFinding().orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.EDITED);
        assertThat(finding.partition()).isZero();
        assertThat(finding.sequence()).isEqualTo(5);
    }

    @Test
    void shouldNameRemovedAndSwappedLinksAndSwappedRecords() {
        Evidence evidence = EvidenceBuilder.build("person P-1", SampleChain.START, log, List.of(),
                EvidenceBuilder.person("P-1"));

        List<ChainLink> dropped = new ArrayList<>(evidence.links());
        dropped.remove(3); // partition 0, sequence 4
        assertThat(findingOf(evidence, evidence.records(), dropped)).extracting(Finding::kind, Finding::sequence)
                .containsExactly(Kind.REMOVED, 4L);

        List<ChainLink> swapped = new ArrayList<>(evidence.links());
        Collections.swap(swapped, 3, 4);
        assertThat(findingOf(evidence, evidence.records(), swapped).kind()).isEqualTo(Kind.REMOVED);

        List<LoggedEntry> records = new ArrayList<>(evidence.records());
        Collections.swap(records, 0, 1);
        assertThat(findingOf(evidence, records, evidence.links())).extracting(Finding::kind, Finding::sequence)
                .containsExactly(Kind.REORDERED, 1L);
    }

    @Test
    void shouldReportLinksThatStopShortOfTheirAnchor() {
        Evidence evidence = EvidenceBuilder.build("person P-1", SampleChain.START, log, List.of(),
                EvidenceBuilder.person("P-1"));
        List<ChainLink> links = new ArrayList<>(evidence.links());
        links.removeIf(l -> l.partition() == 1 && l.sequence() == 7);

        assertThat(findingOf(evidence, evidence.records(), links)).extracting(Finding::kind, Finding::partition,
                Finding::sequence).containsExactly(Kind.TRUNCATED, 1, 7L);
    }

    private static Finding findingOf(Evidence evidence, List<LoggedEntry> records, List<ChainLink> links) {
        return EvidenceVerifier.verify(new Evidence(evidence.scope(), evidence.exportedAt(), records, links,
                evidence.anchors())).firstFinding().orElseThrow();
    }

    private static Checkpoint checkpoint(List<LoggedEntry> chain, int sequence) {
        AuditEntry e = chain.get(sequence).entry();
        return new Checkpoint(chain.get(sequence).partition(), e.sequence(), e.hash(), SampleChain.START);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
