package dev.tenure.equipment.domain;

import dev.tenure.equipment.domain.catalogue.Timing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The due-date rules, in the person's time zone, every due time at the catalogue's cut-off time of day:
 * <ul>
 *   <li>ship by: the needed date (start or move) minus the item's lead time;</li>
 *   <li>deliver by: the day before the needed date, so it is there on day one;</li>
 *   <li>leaver lock: the end date (an immediate termination: at once);</li>
 *   <li>leaver collection: the end date plus the collection window (at most 14 days);</li>
 *   <li>mover return: the move date plus the return window.</li>
 * </ul>
 */
public final class DueDates {

    private final Timing timing;

    public DueDates(Timing timing) {
        this.timing = timing;
    }

    public Instant shipBy(LocalDate neededOn, int leadTimeDays, ZoneId zone) {
        return at(neededOn.minusDays(leadTimeDays), zone);
    }

    public Instant deliverBy(LocalDate neededOn, ZoneId zone) {
        return at(neededOn.minusDays(1), zone);
    }

    public Instant cutOff(LocalDate endDate, ZoneId zone) {
        return at(endDate, zone);
    }

    public Instant collectionDue(LocalDate endDate, ZoneId zone) {
        return at(endDate.plusDays(timing.collectionWindowDays()), zone);
    }

    public Instant moverReturnDue(LocalDate effectiveDate, ZoneId zone) {
        return at(effectiveDate.plusDays(timing.moverReturnWindowDays()), zone);
    }

    /** The cut-off time of day on {@code date} in {@code zone}. */
    public Instant at(LocalDate date, ZoneId zone) {
        return date.atTime(timing.cutOff()).atZone(zone).toInstant();
    }

    /** The local date of {@code instant} in {@code zone}. */
    public static LocalDate dateOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
