package dev.tenure.hr.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How much notice a submission gave: whole days from the submission to the start of the effective date in the
 * person's zone, floored (negative when back-dated), and whether that is less than the minimum notice the SLEs
 * expect. Exactly the minimum (by default 14 days) is on time.
 *
 * <p>Days are the zone's calendar days, counted on its local time-line: across a DST change a day is 23 or 25
 * hours, so a submission at 09:00 two weeks before a start at midnight is 13 days' notice in any season, and one
 * at midnight exactly two weeks before is 14.
 */
public final class LeadTime {

    public static final int DEFAULT_MINIMUM_NOTICE_DAYS = 14;

    private final int minimumNoticeDays;

    public LeadTime() {
        this(DEFAULT_MINIMUM_NOTICE_DAYS);
    }

    public LeadTime(int minimumNoticeDays) {
        if (minimumNoticeDays < 0) {
            throw new IllegalArgumentException("minimum notice must not be negative: " + minimumNoticeDays);
        }
        this.minimumNoticeDays = minimumNoticeDays;
    }

    public int minimumNoticeDays() {
        return minimumNoticeDays;
    }

    /** Whole days of notice, floored: 13 days 23 hours is 13; 1 hour after the start of the day is -1. */
    public int noticeDays(Instant submittedAt, LocalDate effectiveDate, ZoneId zone) {
        LocalDateTime submitted = LocalDateTime.ofInstant(submittedAt, zone);
        LocalDateTime effective = effectiveDate.atStartOfDay(zone).toLocalDateTime();
        long days = ChronoUnit.DAYS.between(submitted, effective);
        return Math.toIntExact(submitted.plusDays(days).isAfter(effective) ? days - 1 : days);
    }

    /** Less notice than the minimum: reported as late, not counted against the provisioning SLE. */
    public boolean isLate(int noticeDays) {
        return noticeDays < minimumNoticeDays;
    }

    /**
     * Late for an event of this type: less notice than the minimum, for a type the SLEs expect notice for (a
     * {@link EventType#VPN_ACCESS} request never is late, see {@link EventType#expectsNotice()}).
     */
    public boolean isLate(EventType type, int noticeDays) {
        return type.expectsNotice() && isLate(noticeDays);
    }

    public boolean isLate(Instant submittedAt, LocalDate effectiveDate, ZoneId zone) {
        return isLate(noticeDays(submittedAt, effectiveDate, zone));
    }
}
