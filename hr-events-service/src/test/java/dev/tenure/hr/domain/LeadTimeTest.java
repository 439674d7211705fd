package dev.tenure.hr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LeadTimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final LeadTime leadTime = new LeadTime();

    @Test
    void shouldTreatExactlyFourteenDaysAheadAsOnTime() {
        // Given a submission at midnight, 14 days before the start
        Instant submittedAt = at("2027-01-04T00:00", PARIS);

        // When
        int notice = leadTime.noticeDays(submittedAt, LocalDate.of(2027, 1, 18), PARIS);

        // Then
        assertThat(notice).isEqualTo(14);
        assertThat(leadTime.isLate(notice)).isFalse();
    }

    @Test
    void shouldTreatThirteenDaysAndTwentyThreeHoursAsLate() {
        // Given
        Instant submittedAt = at("2027-01-04T01:00", PARIS);

        // When
        int notice = leadTime.noticeDays(submittedAt, LocalDate.of(2027, 1, 18), PARIS);

        // Then
        assertThat(notice).isEqualTo(13);
        assertThat(leadTime.isLate(notice)).isTrue();
    }

    @Test
    void shouldNeverMarkAVpnRequestLateForItHasNoNoticeSle() {
        // Given a submission on the effective day itself: no notice at all
        int notice = leadTime.noticeDays(at("2027-01-18T09:00", NEW_YORK), LocalDate.of(2027, 1, 18), NEW_YORK);

        // When / Then a joiner is late, a VPN request is not (its notice is still counted)
        assertThat(notice).isEqualTo(-1);
        assertThat(leadTime.isLate(EventType.JOINER, notice)).isTrue();
        assertThat(leadTime.isLate(EventType.VPN_ACCESS, notice)).isFalse();
        assertThat(EventType.VPN_ACCESS.expectsNotice()).isFalse();
    }

    @Test
    void shouldCountBackDatedSubmissionsAsNegativeFlooredDays() {
        // Given a submission at 09:00 on the effective day, and one a day after that
        Instant submittedAt = at("2027-01-18T09:00", PARIS);

        // When / Then: 9 hours late floors to -1; 1 day 9 hours late to -2
        assertThat(leadTime.noticeDays(submittedAt, LocalDate.of(2027, 1, 18), PARIS)).isEqualTo(-1);
        assertThat(leadTime.noticeDays(submittedAt, LocalDate.of(2027, 1, 17), PARIS)).isEqualTo(-2);
        assertThat(leadTime.noticeDays(at("2027-01-18T00:00", PARIS), LocalDate.of(2027, 1, 18), PARIS)).isZero();
    }

    @Test
    void shouldMeasureFromTheStartOfDayInThePersonsZoneNotInUtc() {
        // Given 03:00 UTC on 5 January, which is still 22:00 on 4 January in New York
        Instant submittedAt = Instant.parse("2027-01-05T03:00:00Z");
        LocalDate start = LocalDate.of(2027, 1, 19);

        // When
        int inNewYork = leadTime.noticeDays(submittedAt, start, NEW_YORK);
        int inUtc = leadTime.noticeDays(submittedAt, start, UTC);

        // Then 14 days 2 hours in New York, 13 days 21 hours in UTC
        assertThat(inNewYork).isEqualTo(14);
        assertThat(leadTime.isLate(inNewYork)).isFalse();
        assertThat(inUtc).isEqualTo(13);
        assertThat(leadTime.isLate(inUtc)).isTrue();
    }

    @Test
    void shouldCountCalendarDaysAcrossTheSpringForwardChange() {
        // Given midnight on 1 March, 14 calendar days before a start on 15 March 2027; New York moves its clocks
        // forward on 14 March, so only 13 days 23 hours of real time pass
        Instant submittedAt = at("2027-03-01T00:00", NEW_YORK);
        LocalDate start = LocalDate.of(2027, 3, 15);

        // When
        int notice = leadTime.noticeDays(submittedAt, start, NEW_YORK);

        // Then the same wall-clock time 14 days ahead is 14 days: on time
        assertThat(notice).isEqualTo(14);
        assertThat(leadTime.isLate(submittedAt, start, NEW_YORK)).isFalse();
    }

    @Test
    void shouldCountCalendarDaysAcrossTheFallBackChange() {
        // Given midnight 14 calendar days before 8 November 2027; New York moves its clocks back on 7 November, so
        // 14 days and 1 hour of real time pass; a minute later is 13 days 23:59 of calendar time (14 days 00:59 real)
        LocalDate start = LocalDate.of(2027, 11, 8);

        // When / Then
        assertThat(leadTime.noticeDays(at("2027-10-25T00:00", NEW_YORK), start, NEW_YORK)).isEqualTo(14);
        assertThat(leadTime.noticeDays(at("2027-10-25T00:01", NEW_YORK), start, NEW_YORK)).isEqualTo(13);
    }

    @Test
    void shouldUseTheConfiguredMinimumNotice() {
        // Given
        LeadTime tenDays = new LeadTime(10);

        // When / Then
        assertThat(tenDays.minimumNoticeDays()).isEqualTo(10);
        assertThat(tenDays.isLate(9)).isTrue();
        assertThat(tenDays.isLate(10)).isFalse();
        assertThat(leadTime.minimumNoticeDays()).isEqualTo(LeadTime.DEFAULT_MINIMUM_NOTICE_DAYS).isEqualTo(14);
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
