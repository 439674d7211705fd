package dev.tenure.access.planning;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A lifecycle event as the planner reads it, free of the wire format. {@code timeZone} (IANA id) is the person's
 * zone, in which dates become instants: every event carries it, so a leaver the service never saw join can still be
 * cut at the right local time.
 */
public sealed interface HrChange {

    String eventId();

    String personId();

    /** A joiner starting on {@code startDate}. */
    record Joined(String eventId, PersonFacts person, LocalDate startDate) implements HrChange {
        public Joined {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(startDate, "startDate");
        }

        @Override
        public String personId() {
            return person.personId();
        }
    }

    /** Someone who left coming back on {@code startDate}. */
    record Rehired(String eventId, PersonFacts person, LocalDate startDate) implements HrChange {
        public Rehired {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(startDate, "startDate");
        }

        @Override
        public String personId() {
            return person.personId();
        }
    }

    /** A move (incl. a transfer between agencies) to the complete new position {@code position}. */
    record Moved(String eventId, String personId, PersonFacts position, LocalDate effectiveDate) implements HrChange {
        public Moved {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(effectiveDate, "effectiveDate");
        }
    }

    /** A leaver whose last day is {@code endDate}; {@code immediate}: cut at once, whatever the date. */
    record Left(String eventId, String personId, String timeZone, LocalDate endDate, boolean immediate)
            implements HrChange {
        public Left {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(endDate, "endDate");
        }
    }

    record StartDateChanged(String eventId, String personId, String timeZone, LocalDate newStartDate)
            implements HrChange {
        public StartDateChanged {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(newStartDate, "newStartDate");
        }
    }

    record EndDateChanged(String eventId, String personId, String timeZone, LocalDate newEndDate)
            implements HrChange {
        public EndDateChanged {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(newEndDate, "newEndDate");
        }
    }

    record JoinerCancelled(String eventId, String personId) implements HrChange {
        public JoinerCancelled {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
        }
    }

    record LeaverCancelled(String eventId, String personId) implements HrChange {
        public LeaverCancelled {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
        }
    }

    /** A DSO's request to grant or revoke the person's VPN access from {@code effectiveDate}. */
    record VpnRequested(String eventId, String personId, String timeZone, boolean grant, LocalDate effectiveDate)
            implements HrChange {
        public VpnRequested {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(effectiveDate, "effectiveDate");
        }
    }
}
