package dev.tenure.audit.sle.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When each SLE is due and whether a request gave enough notice — in the person's zone, on its calendar.
 *
 * <p>Every due time is the start of a local day, and exclusive: work counts as on time when it completed before it.
 * "Before the start date" is due at the start of the start date; "on the end date" at the start of the day after it;
 * "within N days after the end date" at the start of the day after the Nth day. Days are the zone's calendar days, so
 * across a daylight-saving change a window is a few hours shorter or longer than N × 24 hours, as the person's
 * calendar says.
 */
public final class Deadlines {

    private final SleSettings settings;

    public Deadlines(SleSettings settings) {
        this.settings = settings;
    }

    /** When a case of {@code sle} whose effective date is {@code date} is due, in {@code zone}. */
    public Instant dueAt(Sle sle, LocalDate date, ZoneId zone) {
        return switch (sle) {
            case PROVISIONED_BEFORE_START -> startOf(date, zone);
            case ACCESS_CUT_ON_END_DATE -> startOf(date.plusDays(1), zone);
            case DEPROVISIONED_WITHIN_14_DAYS -> startOf(date.plusDays(settings.deprovisioningWindowDays() + 1L), zone);
            case MOVER_PRIOR_ACCESS_REMOVED -> startOf(date.plusDays(settings.moverWindowDays() + 1L), zone);
        };
    }

    /**
     * Whole days of notice from {@code submittedAt} to the start of {@code date} in {@code zone}, floored (negative
     * when back-dated): counted on the local time-line, as hr-events-service counts them.
     */
    public static long noticeDays(Instant submittedAt, LocalDate date, ZoneId zone) {
        LocalDateTime submitted = LocalDateTime.ofInstant(submittedAt, zone);
        LocalDateTime effective = date.atStartOfDay(zone).toLocalDateTime();
        long days = ChronoUnit.DAYS.between(submitted, effective);
        return submitted.plusDays(days).isAfter(effective) ? days - 1 : days;
    }

    /** Less notice than required: exactly the required number of days (by default 14) is on time. */
    public boolean isLate(Instant submittedAt, LocalDate date, ZoneId zone) {
        return noticeDays(submittedAt, date, zone) < settings.noticeDays();
    }

    /** The zone of an IANA id; UTC for a missing or unknown one (as access-service's planner does). */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    private static Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
