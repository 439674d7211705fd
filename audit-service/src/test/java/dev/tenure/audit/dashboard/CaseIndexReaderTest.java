package dev.tenure.audit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.audit.sle.domain.CaseStatus;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Sle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One instance's page of the case list, read from the case index of its partitions. */
class CaseIndexReaderTest {

    static final Instant NOW = Instant.parse("2026-04-20T12:00:00Z");
    static final Instant AT_RISK_BY = NOW.plus(Duration.ofDays(7));
    private static final String CUT = "ACCESS_CUT_ON_END_DATE";

    @Test
    void shouldListMissedAndAtRiskCasesByDueTimeThenCaseIdAcrossPartitionsAndBuckets() {
        // Given missed and pending cases on two partitions, two of them due at the same millisecond
        Instant overdue = NOW.minus(Duration.ofDays(3));
        CaseView missedB = view(CUT + ":EOTSS:L-2", "EOTSS", CaseStatus.MISSED, overdue, null);
        CaseView missedA = view(CUT + ":EOTSS:L-1", "EOTSS", CaseStatus.MISSED, overdue, null);
        CaseView atRisk = view("DEPROVISIONED_WITHIN_14_DAYS:DOR:L-3", "DOR", CaseStatus.PENDING,
                NOW.plus(Duration.ofDays(2)), null);
        CaseView dueLater = view("DEPROVISIONED_WITHIN_14_DAYS:DOR:L-4", "DOR", CaseStatus.PENDING,
                NOW.plus(Duration.ofDays(30)), null);
        CaseView doneEarly = view("DEPROVISIONED_WITHIN_14_DAYS:DOR:L-5", "DOR", CaseStatus.PENDING,
                NOW.plus(Duration.ofDays(1)), NOW);
        CaseView met = view(CUT + ":DOR:L-6", "DOR", CaseStatus.MET, NOW.minus(Duration.ofDays(9)), overdue);
        List<CaseIndexReader.Partition> partitions = List.of(
                MemoryPartition.of(0, List.of(missedB, dueLater, met)).partition,
                MemoryPartition.of(1, List.of(missedA, atRisk, doneEarly)).partition);

        // When the first page of the default list is read
        CasePage page = CaseIndexReader.page(partitions, query(List.of(), null, null, 10));

        // Then it holds the missed cases (the tie by case id) and the one at risk, most urgent first, and nothing more
        assertThat(page.cases()).containsExactly(missedA, missedB, atRisk);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.next()).isNull();
        assertThat(CaseIndexReader.page(partitions, query(List.of("PENDING"), null, null, 10)).cases())
                .containsExactly(doneEarly, atRisk, dueLater);
        assertThat(CaseIndexReader.page(partitions, query(List.of("MET"), null, null, 10)).cases())
                .containsExactly(met);
    }

    @Test
    void shouldPageAfterTheCursorUntilEveryCaseWasListedExactlyOnceInOrder() {
        // Given 57 missed cases of three agencies over three partitions, due times repeating
        List<CaseView> all = new ArrayList<>();
        List<List<CaseView>> byPartition = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String[] agencies = {"EOTSS", "DOR", "DPH"};
        for (int i = 0; i < 57; i++) {
            CaseView c = view(CUT + ":" + agencies[i % 3] + ":L-" + i, agencies[i % 3], CaseStatus.MISSED,
                    NOW.minus(Duration.ofHours(i % 7)), null);
            all.add(c);
            byPartition.get(i % 3).add(c);
        }
        List<CaseIndexReader.Partition> partitions = List.of(MemoryPartition.of(0, byPartition.get(0)).partition,
                MemoryPartition.of(1, byPartition.get(1)).partition,
                MemoryPartition.of(2, byPartition.get(2)).partition);

        // When the list is read five at a time, each page after the last one's cursor
        PageWalk walk = PageWalk.through(cursor -> CaseIndexReader.page(partitions,
                query(List.of("MISSED"), null, cursor, 5)), 57, 5);

        // Then every case came once, in the list's order, in twelve pages
        assertThat(walk.cases()).containsExactlyElementsOf(all.stream()
                .sorted(Comparator.comparing(CasePosition::of)).toList());
        assertThat(walk.pages()).isEqualTo(12);
    }

    @Test
    void shouldEndWithAFullPageRatherThanAnEmptyOneAndTakeTheTotalItIsGiven() {
        List<CaseView> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(view(CUT + ":EOTSS:L-" + i, "EOTSS", CaseStatus.MISSED, NOW.plusSeconds(i), null));
        }
        List<CaseIndexReader.Partition> partitions = onePartition(all.toArray(CaseView[]::new));

        assertThat(PageWalk.through(cursor -> CaseIndexReader.page(partitions, query(List.of(), null, cursor, 5)),
                10, 5).pages()).isEqualTo(2);
        assertThat(CaseIndexReader.page(partitions, query(List.of(), null, null, 5), () -> 42).total())
                .as("a shared count").isEqualTo(42);
    }

    @Test
    void shouldReadOneAgencyFromItsOwnEntries() {
        CaseView eotss = view(CUT + ":EOTSS:L-1", "EOTSS", CaseStatus.MISSED, NOW, null);
        CaseView dor = view(CUT + ":DOR:L-2", "DOR", CaseStatus.MISSED, NOW, null);
        CaseView dorSpace = view(CUT + ":DOR 2:L-3", "DOR 2", CaseStatus.MISSED, NOW, null);

        assertOnly(CaseIndexReader.page(onePartition(eotss, dor, dorSpace), query(List.of(), "DOR", null, 10)), dor);
    }

    @Test
    void shouldDrawTheAtRiskLineAtTheQuerysTimeToTheMillisecond() {
        CaseView onTheLine = view(CUT + ":EOTSS:L-1", "EOTSS", CaseStatus.PENDING, AT_RISK_BY, null);
        CaseView justAfter = view(CUT + ":EOTSS:L-2", "EOTSS", CaseStatus.PENDING, AT_RISK_BY.plusMillis(1), null);
        CaseView noDueTime = view(CUT + ":EOTSS:L-3", "EOTSS", CaseStatus.PENDING, null, null);
        List<CaseIndexReader.Partition> partitions = onePartition(onTheLine, justAfter, noDueTime);

        assertThat(CaseIndexReader.page(partitions, query(List.of("AT_RISK"), null, null, 10)).cases())
                .containsExactly(onTheLine);
        assertThat(CaseIndexReader.page(partitions, query(List.of("PENDING"), null, null, 10)).cases())
                .containsExactly(onTheLine, justAfter, noDueTime);
    }

    @Test
    void shouldFilterBySleAndEffectiveDateAndCountOnlyWhatPasses() {
        CaseView cutApril = view(CUT + ":EOTSS:L-1", "EOTSS", CaseStatus.MISSED, NOW, null);
        CaseView cutMarch = new CaseView(CUT + ":EOTSS:L-2", Sle.ACCESS_CUT_ON_END_DATE, "P-2", "EOTSS",
                CaseStatus.MISSED, NOW, NOW, null, LocalDate.of(2026, 3, 31), "America/New_York", "L-2");
        CaseView deprovisioning = view("DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-1", "EOTSS", CaseStatus.MISSED, NOW,
                null);

        CasePage page = CaseIndexReader.page(onePartition(cutApril, cutMarch, deprovisioning), CaseQuery.parse(
                List.of("MISSED"), null, CUT, "2026-04-01", "2026-04-30", null, null, 50, 500, AT_RISK_BY));

        assertOnly(page, cutApril);
    }

    @Test
    void shouldKeepThePlaceOfACaseThatMovedSinceItsEntryWasRead() {
        // Given a case whose store holds a newer status than the index entry read (the topology between two reads)
        CaseView pending = view(CUT + ":EOTSS:L-1", "EOTSS", CaseStatus.PENDING, NOW, null);
        CaseView missed = view(CUT + ":EOTSS:L-2", "EOTSS", CaseStatus.MISSED, NOW.plusSeconds(1), null);
        MemoryPartition memory = MemoryPartition.of(0, List.of(pending, missed));
        memory.cases.put(pending.caseId(), view(pending.caseId(), "EOTSS", CaseStatus.MET, NOW, NOW));

        // When the first page of one case is read
        CasePage page = CaseIndexReader.page(List.of(memory.partition), query(List.of(), null, null, 1));

        // Then the moved case is not shown, but its place is kept: the next page starts after it
        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row.at()).isEqualTo(CasePosition.of(pending));
            assertThat(row.view()).isNull();
        });
        assertThat(page.cases()).isEmpty();
        assertThat(CaseIndexReader.page(List.of(memory.partition), query(List.of(), null, page.next(), 1)).cases())
                .containsExactly(missed);
    }

    @Test
    void shouldAnswerUnavailableUntilThePartitionsIndexIsBuilt() {
        List<CaseIndexReader.Partition> partitions = List.of(MemoryPartition.of(0, List.of()).partition,
                MemoryPartition.unbuilt(3, List.of(view(CUT + ":EOTSS:L-1", "EOTSS", CaseStatus.MISSED, NOW, null)))
                        .partition);

        assertThatThrownBy(() -> CaseIndexReader.page(partitions, query(List.of(), null, null, 10)))
                .isInstanceOf(StoresUnavailableException.class).hasMessageContaining("partition 3 is being built");
    }

    /** The page lists {@code only}, and counts it alone. */
    private static void assertOnly(CasePage page, CaseView only) {
        assertThat(page.cases()).containsExactly(only);
        assertThat(page.total()).isEqualTo(1);
    }

    private static List<CaseIndexReader.Partition> onePartition(CaseView... views) {
        return List.of(MemoryPartition.of(0, List.of(views)).partition);
    }

    static CaseQuery query(List<String> status, String agency, String after, int limit) {
        return CaseQuery.parse(status, agency, null, null, null, after, Integer.toString(limit), 50, 500, AT_RISK_BY);
    }

    static CaseView view(String caseId, String agency, CaseStatus status, Instant due, Instant completed) {
        return new CaseView(caseId, Sle.valueOf(caseId.substring(0, caseId.indexOf(':'))), "P-" + caseId.hashCode(),
                agency, status, NOW.minus(Duration.ofDays(30)), due, completed, LocalDate.of(2026, 4, 10),
                "America/New_York", caseId);
    }
}
