package dev.tenure.hr.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated, normalised lifecycle event as submitted by an HR system or a coordinator: what every event carries,
 * and the {@link Details} of its {@link EventType}. Immutable; built only by {@link SubmissionValidator} in
 * production code.
 *
 * <p>{@code effectiveDate} is the start date (JOINER, REHIRE), move date (MOVER), end date (LEAVER), the new date
 * (START_DATE_CHANGED, END_DATE_CHANGED), the date of the cancelled event (JOINER_CANCELLED, LEAVER_CANCELLED), or
 * the date from which a VPN request applies (VPN_ACCESS). For a transfer, {@code agency} is the receiving agency.
 */
public record LifecycleSubmission(
        UUID eventId,
        EventType type,
        String personId,
        String agency,
        LocalDate effectiveDate,
        ZoneId timeZone,
        Details details) {

    public LifecycleSubmission {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(timeZone, "timeZone");
        if (!detailsTypeOf(type).isInstance(details)) {
            throw new IllegalArgumentException("a " + type + " carries " + detailsTypeOf(type).getSimpleName());
        }
    }

    private static Class<? extends Details> detailsTypeOf(EventType type) {
        return switch (type) {
            case JOINER, REHIRE -> Hire.class;
            case MOVER -> Move.class;
            case LEAVER -> Leave.class;
            case START_DATE_CHANGED, END_DATE_CHANGED -> DateChange.class;
            case JOINER_CANCELLED -> JoinerCancellation.class;
            case LEAVER_CANCELLED -> LeaverCancellation.class;
            case VPN_ACCESS -> VpnRequest.class;
        };
    }

    /** What only one kind of event carries. */
    public sealed interface Details
            permits Hire, Move, Leave, DateChange, JoinerCancellation, LeaverCancellation, VpnRequest {}

    /** A JOINER or a REHIRE: who starts, in which position, and who receives the username instructions. */
    public record Hire(Person person, Position position, Contact pointOfContact) implements Details {
        public Hire {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(pointOfContact, "pointOfContact");
        }
    }

    /** A MOVER: the position attributes that take new values, and what HR says changed. */
    public record Move(PositionChange change, List<PositionAttribute> changedAttributes, boolean transfer)
            implements Details {
        public Move {
            Objects.requireNonNull(change, "change");
            changedAttributes = List.copyOf(changedAttributes);
        }
    }

    /** A LEAVER: why, and whether access is cut at once rather than at the end-date cut-off. */
    public record Leave(LeaveReason reason, boolean immediate) implements Details {
        public Leave {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A START_DATE_CHANGED or END_DATE_CHANGED: the new date is the effective date; the previous one if given. */
    public record DateChange(Optional<LocalDate> previousDate) implements Details {
        public DateChange {
            Objects.requireNonNull(previousDate, "previousDate");
        }
    }

    /** A JOINER_CANCELLED: why, and the cancelled joiner's (or rehire's) event id when known. */
    public record JoinerCancellation(JoinerCancellationReason reason, Optional<UUID> cancelledEventId)
            implements Details {
        public JoinerCancellation {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cancelledEventId, "cancelledEventId");
        }
    }

    /** A LEAVER_CANCELLED: an optional free-text reason, and the cancelled leaver's event id when known. */
    public record LeaverCancellation(Optional<String> reason, Optional<UUID> cancelledEventId) implements Details {
        public LeaverCancellation {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cancelledEventId, "cancelledEventId");
        }
    }

    /** A VPN_ACCESS: grant or revoke the person's VPN access, and an optional free-text reason. */
    public record VpnRequest(VpnAction action, Optional<String> reason) implements Details {
        public VpnRequest {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A person's names, trimmed and NFC-normalised. */
    public record Person(String givenName, String familyName, Optional<String> preferredName) {
        public Person {
            Objects.requireNonNull(givenName, "givenName");
            Objects.requireNonNull(familyName, "familyName");
            Objects.requireNonNull(preferredName, "preferredName");
        }
    }

    /** The job a person holds (its agency and time zone are the submission's). */
    public record Position(
            String department,
            String jobCode,
            String jobTitle,
            String location,
            Optional<String> managerPersonId,
            EmploymentType employmentType) {
        public Position {
            Objects.requireNonNull(department, "department");
            Objects.requireNonNull(jobCode, "jobCode");
            Objects.requireNonNull(jobTitle, "jobTitle");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(managerPersonId, "managerPersonId");
            Objects.requireNonNull(employmentType, "employmentType");
        }
    }

    /** The new values of a move; at least one is present. */
    public record PositionChange(
            Optional<String> department,
            Optional<String> jobCode,
            Optional<String> jobTitle,
            Optional<String> location,
            Optional<String> managerPersonId,
            Optional<EmploymentType> employmentType) {
        public PositionChange {
            Objects.requireNonNull(department, "department");
            Objects.requireNonNull(jobCode, "jobCode");
            Objects.requireNonNull(jobTitle, "jobTitle");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(managerPersonId, "managerPersonId");
            Objects.requireNonNull(employmentType, "employmentType");
            if (department.isEmpty() && jobCode.isEmpty() && jobTitle.isEmpty() && location.isEmpty()
                    && managerPersonId.isEmpty() && employmentType.isEmpty()) {
                throw new IllegalArgumentException("a move changes at least one position attribute");
            }
        }
    }

    /** Who receives the username instructions. */
    public record Contact(String name, String email) {
        public Contact {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
        }
    }
}
