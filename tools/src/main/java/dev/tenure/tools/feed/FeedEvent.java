package dev.tenure.tools.feed;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One lifecycle event exactly as the intake takes it: the flat JSON object of
 * {@code POST /api/v1/lifecycle-events}, one row of the CSV import. A {@code null} field is absent
 * (omitted from JSON, an empty CSV cell); which fields a type may carry is the intake's contract,
 * and the generator only fills those.
 */
public record FeedEvent(
        String eventId,
        EventType type,
        String personId,
        String agency,
        LocalDate effectiveDate,
        String timeZone,
        String givenName,
        String familyName,
        String preferredName,
        String department,
        String jobCode,
        String jobTitle,
        String location,
        String managerPersonId,
        EmploymentType employmentType,
        String contactName,
        String contactEmail,
        LeaveReason leaveReason,
        Boolean immediate,
        LocalDate previousDate,
        Boolean transfer,
        List<PositionAttribute> changedAttributes,
        String cancelReason,
        String cancelledEventId) {

    public FeedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(timeZone, "timeZone");
        changedAttributes = changedAttributes == null ? null : List.copyOf(changedAttributes);
    }

    public static Builder builder(String eventId, EventType type, String personId) {
        return new Builder(eventId, type, personId);
    }

    /** Fills a {@link FeedEvent} field by field. */
    public static final class Builder {
        private final String eventId;
        private final EventType type;
        private final String personId;
        private String agency;
        private LocalDate effectiveDate;
        private String timeZone;
        private String givenName;
        private String familyName;
        private String preferredName;
        private String department;
        private String jobCode;
        private String jobTitle;
        private String location;
        private String managerPersonId;
        private EmploymentType employmentType;
        private String contactName;
        private String contactEmail;
        private LeaveReason leaveReason;
        private Boolean immediate;
        private LocalDate previousDate;
        private Boolean transfer;
        private List<PositionAttribute> changedAttributes;
        private String cancelReason;
        private String cancelledEventId;

        private Builder(String eventId, EventType type, String personId) {
            this.eventId = eventId;
            this.type = type;
            this.personId = personId;
        }

        public Builder agency(String value) {
            agency = value;
            return this;
        }

        public Builder effectiveDate(LocalDate value) {
            effectiveDate = value;
            return this;
        }

        public Builder timeZone(String value) {
            timeZone = value;
            return this;
        }

        public Builder names(String given, String family, String preferred) {
            givenName = given;
            familyName = family;
            preferredName = preferred;
            return this;
        }

        public Builder department(String value) {
            department = value;
            return this;
        }

        public Builder job(String code, String title) {
            jobCode = code;
            jobTitle = title;
            return this;
        }

        public Builder location(String value) {
            location = value;
            return this;
        }

        public Builder managerPersonId(String value) {
            managerPersonId = value;
            return this;
        }

        public Builder employmentType(EmploymentType value) {
            employmentType = value;
            return this;
        }

        public Builder contact(String name, String email) {
            contactName = name;
            contactEmail = email;
            return this;
        }

        public Builder leaveReason(LeaveReason value) {
            leaveReason = value;
            return this;
        }

        public Builder immediate(Boolean value) {
            immediate = value;
            return this;
        }

        public Builder previousDate(LocalDate value) {
            previousDate = value;
            return this;
        }

        public Builder transfer(Boolean value) {
            transfer = value;
            return this;
        }

        public Builder changedAttributes(List<PositionAttribute> value) {
            changedAttributes = value;
            return this;
        }

        public Builder cancelReason(String value) {
            cancelReason = value;
            return this;
        }

        public Builder cancelledEventId(String value) {
            cancelledEventId = value;
            return this;
        }

        public FeedEvent build() {
            return new FeedEvent(eventId, type, personId, agency, effectiveDate, timeZone, givenName, familyName,
                    preferredName, department, jobCode, jobTitle, location, managerPersonId, employmentType,
                    contactName, contactEmail, leaveReason, immediate, previousDate, transfer, changedAttributes,
                    cancelReason, cancelledEventId);
        }
    }
}
