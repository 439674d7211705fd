package dev.tenure.audit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.ComplianceCounts;
import dev.tenure.audit.sle.domain.ComplianceKey;
import dev.tenure.audit.sle.domain.Period;
import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.domain.SleSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report the dashboard shows, and the filters it accepts (the case list: {@link CaseIndexReaderTest}). */
class DashboardQueriesTest {

    private static final Instant NOW = Instant.parse("2026-04-20T12:00:00Z");

    @Test
    void shouldSumAgenciesAndPeriodsIntoEachSlesComplianceAgainstItsTarget() {
        List<Compliance> aggregates = List.of(
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS", Period.Kind.MONTH, "2026-03-01", 9, 1),
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS", Period.Kind.MONTH, "2026-04-01", 10, 0),
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "DOR", Period.Kind.MONTH, "2026-04-01", 5, 0),
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "DOR", Period.Kind.WEEK, "2026-04-06", 5, 0),
                aggregate(Sle.PROVISIONED_BEFORE_START, "DOR", Period.Kind.MONTH, "2026-04-01", 9, 1));

        ComplianceReport report = ComplianceReport.of(aggregates, DashboardFilter.parse(null, null, null, null, null),
                SleSettings.DEFAULTS, NOW);

        var cut = report.sles().stream().filter(s -> s.sle() == Sle.ACCESS_CUT_ON_END_DATE).findFirst().orElseThrow();
        assertThat(cut.counts()).isEqualTo(new ComplianceCounts(25, 24, 1, 0, 0));
        assertThat(cut.compliance()).isEqualTo(0.96);
        assertThat(cut.meetsTarget()).isFalse();
        assertThat(cut.byAgency()).extracting(ComplianceReport.AgencySummary::agency, ComplianceReport.AgencySummary::compliance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DOR", 1.0),
                        org.assertj.core.groups.Tuple.tuple("EOTSS", 0.95));
        assertThat(cut.trend()).extracting(ComplianceReport.TrendPoint::periodStart, ComplianceReport.TrendPoint::compliance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 1), 0.9),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 1), 1.0));
        var provisioning = report.sles().stream().filter(s -> s.sle() == Sle.PROVISIONED_BEFORE_START).findFirst()
                .orElseThrow();
        assertThat(provisioning.compliance()).isEqualTo(0.9);
        assertThat(provisioning.meetsTarget()).isTrue();
        var mover = report.sles().stream().filter(s -> s.sle() == Sle.MOVER_PRIOR_ACCESS_REMOVED).findFirst()
                .orElseThrow();
        assertThat(mover.compliance()).isNull();
        assertThat(mover.meetsTarget()).isNull();
        assertThat(report.agencies()).containsExactly("DOR", "EOTSS");
    }

    @Test
    void shouldFilterByAgencyPeriodKindAndDates() {
        List<Compliance> aggregates = List.of(
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS", Period.Kind.MONTH, "2026-03-01", 9, 1),
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS", Period.Kind.MONTH, "2026-04-01", 10, 0),
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "DOR", Period.Kind.MONTH, "2026-04-01", 0, 5),
                aggregate(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS", Period.Kind.WEEK, "2026-04-06", 1, 1));

        var april = ComplianceReport.of(aggregates, DashboardFilter.parse("EOTSS", "month", "2026-04-01",
                "2026-04-30", "ACCESS_CUT_ON_END_DATE"), SleSettings.DEFAULTS, NOW);
        assertThat(april.sles()).singleElement().satisfies(s -> {
            assertThat(s.counts()).isEqualTo(new ComplianceCounts(10, 10, 0, 0, 0));
            assertThat(s.meetsTarget()).isTrue();
        });

        var weeks = ComplianceReport.of(aggregates, DashboardFilter.parse(null, "WEEK", null, null, null),
                SleSettings.DEFAULTS, NOW);
        assertThat(weeks.sles().get(1).trend()).singleElement()
                .satisfies(p -> assertThat(p.compliance()).isEqualTo(0.5));
    }

    @Test
    void shouldRefuseBadFiltersNamingTheParameter() {
        assertThatThrownBy(() -> DashboardFilter.parse(null, "YEAR", null, null, null))
                .isInstanceOf(BadFilterException.class).hasMessageContaining("WEEK or MONTH")
                .extracting("parameter").isEqualTo("period");
        assertThatThrownBy(() -> DashboardFilter.parse(null, null, "2026-13-01", null, null))
                .extracting("parameter").isEqualTo("from");
        assertThatThrownBy(() -> DashboardFilter.parse(null, null, "2026-05-01", "2026-04-01", null))
                .hasMessageContaining("must not be after");
        assertThatThrownBy(() -> DashboardFilter.parse("<script>", null, null, null, null))
                .extracting("parameter").isEqualTo("agency");
        assertThatThrownBy(() -> DashboardFilter.parse(null, null, null, null, "FASTEST"))
                .extracting("parameter").isEqualTo("sle");
        assertThatThrownBy(() -> CaseQuery.kinds(List.of("MISSED,LOST")))
                .extracting("parameter").isEqualTo("status");
    }

    private static Compliance aggregate(Sle sle, String agency, Period.Kind kind, String start, long met,
                                        long missed) {
        return new Compliance(new ComplianceKey(sle, agency, new Period(kind, LocalDate.parse(start))),
                new ComplianceCounts(met + missed, met, missed, 0, 0), SleSettings.DEFAULTS.target(sle), NOW, 1);
    }
}
