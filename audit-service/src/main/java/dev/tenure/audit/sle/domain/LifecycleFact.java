package dev.tenure.audit.sle.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A lifecycle event as the SLE rules read it, free of the wire format. */
public sealed interface LifecycleFact {

    Envelope envelope();

    default String eventId() {
        return envelope().eventId();
    }

    /**
     * What every lifecycle event carries: who it is about, for which agency, when it was submitted, the person's zone
     * (IANA id) and the id that ties its work together.
     */
    record Envelope(String eventId, String personId, String agency, Instant submittedAt, String timeZone,
                    String correlationId) {
        public Envelope {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(submittedAt, "submittedAt");
            agency = agency == null ? "" : agency;
            correlationId = correlationId == null ? eventId : correlationId;
        }
    }

    /** A joiner, or a rehire, starting on {@code startDate} in a position in {@code positionZone}. */
    record Joined(Envelope envelope, LocalDate startDate, String positionZone) implements LifecycleFact {
        public Joined {
            Objects.requireNonNull(startDate, "startDate");
        }
    }

    /** A mover (a transfer between agencies too) into a position in {@code positionZone} on {@code effectiveDate}. */
    record Moved(Envelope envelope, LocalDate effectiveDate, String positionZone) implements LifecycleFact {
        public Moved {
            Objects.requireNonNull(effectiveDate, "effectiveDate");
        }
    }

    /** A leaver whose last day is {@code endDate}. */
    record Left(Envelope envelope, LocalDate endDate) implements LifecycleFact {
        public Left {
            Objects.requireNonNull(endDate, "endDate");
        }
    }

    record StartDateChanged(Envelope envelope, LocalDate newStartDate) implements LifecycleFact {
        public StartDateChanged {
            Objects.requireNonNull(newStartDate, "newStartDate");
        }
    }

    record EndDateChanged(Envelope envelope, LocalDate newEndDate) implements LifecycleFact {
        public EndDateChanged {
            Objects.requireNonNull(newEndDate, "newEndDate");
        }
    }

    /** A joiner who will not start; {@code cancelledEventId} may be null. */
    record JoinerCancelled(Envelope envelope, String cancelledEventId) implements LifecycleFact {
    }

    /** A leaver withdrawn; {@code cancelledEventId} may be null. */
    record LeaverCancelled(Envelope envelope, String cancelledEventId) implements LifecycleFact {
    }

    /** Any other lifecycle event (a VPN request): it opens no case, but work it causes is known to be no case's. */
    record Other(Envelope envelope) implements LifecycleFact {
    }
}
