package dev.tenure.audit.sle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.sle.domain.ComplianceTally.Counted;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceTallyTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 31);
    private static final ComplianceKey WEEK = new ComplianceKey(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS",
            new Period(Period.Kind.WEEK, LocalDate.of(2026, 3, 30)));
    private static final ComplianceKey MARCH = new ComplianceKey(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS",
            new Period(Period.Kind.MONTH, LocalDate.of(2026, 3, 1)));

    @Test
    void shouldCountANewCaseInItsWeekAndMonth() {
        Map<ComplianceKey, ComplianceCounts> change = ComplianceTally.change(null, counted(TUESDAY, CaseStatus.PENDING));

        assertThat(change).containsOnly(
                Map.entry(WEEK, new ComplianceCounts(1, 0, 0, 1, 0)),
                Map.entry(MARCH, new ComplianceCounts(1, 0, 0, 1, 0)));
    }

    @Test
    void shouldTakeTheOldStatusOutAndPutTheNewOneIn() {
        Map<ComplianceKey, ComplianceCounts> change = ComplianceTally.change(counted(TUESDAY, CaseStatus.MISSED),
                counted(TUESDAY, CaseStatus.MET));

        assertThat(change).containsOnly(
                Map.entry(WEEK, new ComplianceCounts(0, 1, -1, 0, 0)),
                Map.entry(MARCH, new ComplianceCounts(0, 1, -1, 0, 0)));
    }

    @Test
    void shouldChangeNothingWhenTheStatusStaysTheSame() {
        assertThat(ComplianceTally.change(counted(TUESDAY, CaseStatus.MET), counted(TUESDAY, CaseStatus.MET)))
                .isEmpty();
    }

    @Test
    void shouldMoveACaseWhoseDateIsCorrectedIntoAnotherMonthButTheSameWeek() {
        // Tuesday 31 March and Wednesday 1 April are in one ISO week, in two months
        Map<ComplianceKey, ComplianceCounts> change = ComplianceTally.change(counted(TUESDAY, CaseStatus.PENDING),
                counted(TUESDAY.plusDays(1), CaseStatus.PENDING));

        ComplianceKey april = new ComplianceKey(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS",
                new Period(Period.Kind.MONTH, LocalDate.of(2026, 4, 1)));
        assertThat(change).containsOnly(
                Map.entry(MARCH, new ComplianceCounts(-1, 0, 0, -1, 0)),
                Map.entry(april, new ComplianceCounts(1, 0, 0, 1, 0)));
    }

    @Test
    void shouldTakeAWithdrawnCaseOut() {
        assertThat(ComplianceTally.change(counted(TUESDAY, CaseStatus.LATE_SUBMISSION), null)).containsOnly(
                Map.entry(WEEK, new ComplianceCounts(-1, 0, 0, 0, -1)),
                Map.entry(MARCH, new ComplianceCounts(-1, 0, 0, 0, -1)));
    }

    @Test
    void shouldNameTheAggregateAsTheTopicKeysIt() {
        assertThat(MARCH.asText()).isEqualTo("ACCESS_CUT_ON_END_DATE:EOTSS:MONTH:2026-03-01");
        assertThat(Period.of(Period.Kind.WEEK, LocalDate.of(2026, 4, 5)).start()).isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void shouldComputeComplianceOverDecidedCasesOnly() {
        assertThat(new ComplianceCounts(5, 2, 1, 1, 1).compliance()).hasValueCloseTo(2.0 / 3, within());
        assertThat(new ComplianceCounts(2, 0, 0, 1, 1).compliance()).isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private static Counted counted(LocalDate date, CaseStatus status) {
        return new Counted(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS", date, status);
    }
}
