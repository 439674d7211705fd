package dev.tenure.audit.sle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private final Deadlines deadlines = new Deadlines(SleSettings.DEFAULTS);

    @Test
    void shouldDueProvisioningAtTheStartOfTheStartDateInThePersonsZone() {
        // 2026-03-02 in New York is EST (-05:00)
        assertThat(deadlines.dueAt(Sle.PROVISIONED_BEFORE_START, LocalDate.of(2026, 3, 2), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
    }

    @Test
    void shouldDueTheCutOffAtTheEndOfTheEndDateEvenWhenThatIsTheNextDayInUtc() {
        // Given an end date in Los Angeles: its last minute is already the next day in UTC
        Instant due = deadlines.dueAt(Sle.ACCESS_CUT_ON_END_DATE, LocalDate.of(2026, 1, 30), LOS_ANGELES);

        // Then the cut is due at local midnight after the end date, 08:00 UTC on the 31st
        assertThat(due).isEqualTo(Instant.parse("2026-01-31T08:00:00Z"));
    }

    @Test
    void shouldDueTheCutOffOnTheLocalDateInAZoneAheadOfUtc() {
        // Auckland (+13:00 in summer): the end of 30 January is 11:00 UTC on 30 January
        assertThat(deadlines.dueAt(Sle.ACCESS_CUT_ON_END_DATE, LocalDate.of(2026, 1, 30), AUCKLAND))
                .isEqualTo(Instant.parse("2026-01-30T11:00:00Z"));
    }

    @Test
    void shouldCountTheDeprovisioningWindowInCalendarDaysAcrossTheSpringDaylightSavingChange() {
        // Given an end date of 1 March 2026 in New York (EST); DST starts on 8 March
        Instant due = deadlines.dueAt(Sle.DEPROVISIONED_WITHIN_14_DAYS, LocalDate.of(2026, 3, 1), NEW_YORK);

        // Then the window ends at local midnight after 15 March (EDT, -04:00): an hour short of 14 × 24 h after
        // the end of the end date, because the day DST began had 23 hours
        assertThat(due).isEqualTo(Instant.parse("2026-03-16T04:00:00Z"));
    }

    @Test
    void shouldDueTheMoverAtTheEndOfTheWindowAfterTheMoveDate() {
        assertThat(deadlines.dueAt(Sle.MOVER_PRIOR_ACCESS_REMOVED, LocalDate.of(2026, 6, 1), NEW_YORK))
                .isEqualTo(Instant.parse("2026-06-16T04:00:00Z"));
    }

    @Test
    void shouldTakeSubmissionsExactlyFourteenDaysAheadAsOnTime() {
        // Given a start on 20 March 2026 in New York (EDT): exactly two weeks earlier is 6 March 00:00 EST
        LocalDate start = LocalDate.of(2026, 3, 20);
        Instant exactly = Instant.parse("2026-03-06T05:00:00Z");

        // Then exactly 14 days is on time, a second less is late, even though 14 × 24 h before the start would be
        // an hour earlier (the day DST began is 23 hours long)
        assertThat(Deadlines.noticeDays(exactly, start, NEW_YORK)).isEqualTo(14);
        assertThat(deadlines.isLate(exactly, start, NEW_YORK)).isFalse();
        assertThat(deadlines.isLate(exactly.plusSeconds(1), start, NEW_YORK)).isTrue();
        assertThat(deadlines.isLate(Instant.parse("2026-03-06T04:00:00Z"), start, NEW_YORK)).isFalse();
    }

    @Test
    void shouldCountBackDatedRequestsAsNegativeNotice() {
        assertThat(Deadlines.noticeDays(Instant.parse("2026-03-02T06:00:00Z"), LocalDate.of(2026, 3, 2), NEW_YORK))
                .isEqualTo(-1);
    }

    @Test
    void shouldFallBackToUtcForAnUnknownZone() {
        assertThat(Deadlines.zone("Mars/Olympus_Mons")).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(Deadlines.zone(null)).isEqualTo(java.time.ZoneOffset.UTC);
    }
}
