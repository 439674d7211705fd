package dev.tenure.equipment.domain;

import dev.tenure.equipment.domain.catalogue.PersonProfile;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A lifecycle event as the equipment rules see it (translated from the HR envelope).
 *
 * @param zone the person's time zone: cut-offs and due dates fall in it
 */
public record LifecycleEvent(String eventId, String personId, String agency, String correlationId, ZoneId zone,
                             Change change) {

    /** What the event says happened. */
    public sealed interface Change permits Joined, Rehired, Moved, Left, StartDateChanged, EndDateChanged,
            JoinerCancelled, LeaverCancelled, NoEquipmentEffect {
    }

    public record Joined(LocalDate startDate, PersonProfile profile) implements Change {
    }

    /** A former person starts again: everything is requested afresh, nothing of before is reused. */
    public record Rehired(LocalDate startDate, PersonProfile profile) implements Change {
    }

    /** @param previousProfile the position before the move, when the event gives it */
    public record Moved(LocalDate effectiveDate, PersonProfile profile, PersonProfile previousProfile)
            implements Change {
    }

    /** @param immediate an immediate termination: the cut-off is now, not on the end date */
    public record Left(LocalDate endDate, boolean immediate) implements Change {
    }

    public record StartDateChanged(LocalDate newStartDate) implements Change {
    }

    public record EndDateChanged(LocalDate newEndDate) implements Change {
    }

    public record JoinerCancelled(String reason) implements Change {
    }

    public record LeaverCancelled(String reason) implements Change {
    }

    /** A lifecycle event type with no equipment rule (e.g. a VPN request): remembered as applied, nothing else. */
    public record NoEquipmentEffect(String type) implements Change {
    }
}
