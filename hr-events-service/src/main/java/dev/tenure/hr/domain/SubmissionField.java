package dev.tenure.hr.domain;

import static dev.tenure.hr.domain.EventType.JOINER;
import static dev.tenure.hr.domain.EventType.JOINER_CANCELLED;
import static dev.tenure.hr.domain.EventType.LEAVER;
import static dev.tenure.hr.domain.EventType.MOVER;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every field of the flat wire format (a JSON object, or a CSV header column) with the event types it belongs to and
 * the types that require it.
 */
public enum SubmissionField {
    EVENT_ID("eventId", Types.ALL, Types.ALL),
    TYPE("type", Types.ALL, Types.ALL),
    PERSON_ID("personId", Types.ALL, Types.ALL),
    AGENCY("agency", Types.ALL, Types.ALL),
    EFFECTIVE_DATE("effectiveDate", Types.ALL, Types.ALL),
    TIME_ZONE("timeZone", Types.ALL, Types.ALL),
    GIVEN_NAME("givenName", Types.HIRES, Types.HIRES),
    FAMILY_NAME("familyName", Types.HIRES, Types.HIRES),
    PREFERRED_NAME("preferredName", Types.HIRES, Types.NONE),
    DEPARTMENT("department", Types.HIRES_AND_MOVES, Types.HIRES),
    JOB_CODE("jobCode", Types.HIRES_AND_MOVES, Types.HIRES),
    JOB_TITLE("jobTitle", Types.HIRES_AND_MOVES, Types.HIRES),
    LOCATION("location", Types.HIRES_AND_MOVES, Types.HIRES),
    MANAGER_PERSON_ID("managerPersonId", Types.HIRES_AND_MOVES, Types.NONE),
    EMPLOYMENT_TYPE("employmentType", Types.HIRES_AND_MOVES, Types.HIRES),
    CONTACT_NAME("contactName", Types.HIRES, Types.HIRES),
    CONTACT_EMAIL("contactEmail", Types.HIRES, Types.HIRES),
    LEAVE_REASON("leaveReason", EnumSet.of(LEAVER), EnumSet.of(LEAVER)),
    IMMEDIATE("immediate", EnumSet.of(LEAVER), Types.NONE),
    PREVIOUS_DATE("previousDate", Types.DATE_CHANGES, Types.NONE),
    TRANSFER("transfer", EnumSet.of(MOVER), Types.NONE),
    CHANGED_ATTRIBUTES("changedAttributes", EnumSet.of(MOVER), Types.NONE),
    CANCEL_REASON("cancelReason", Types.CANCELLATIONS, EnumSet.of(JOINER_CANCELLED)),
    CANCELLED_EVENT_ID("cancelledEventId", Types.CANCELLATIONS, Types.NONE),
    VPN_ACTION("vpnAction", Types.VPN, Types.VPN),
    REASON("reason", Types.VPN, Types.NONE);

    private static final Map<String, SubmissionField> BY_WIRE_NAME = new HashMap<>();

    static {
        for (SubmissionField field : values()) {
            BY_WIRE_NAME.put(field.wireName, field);
        }
    }

    private final String wireName;
    private final Set<EventType> allowedFor;
    private final Set<EventType> requiredFor;

    SubmissionField(String wireName, Set<EventType> allowedFor, Set<EventType> requiredFor) {
        this.wireName = wireName;
        this.allowedFor = allowedFor;
        this.requiredFor = requiredFor;
    }

    /** The camelCase name in JSON and in the CSV header. */
    public String wireName() {
        return wireName;
    }

    public boolean allowedFor(EventType type) {
        return allowedFor.contains(type);
    }

    public boolean requiredFor(EventType type) {
        return requiredFor.contains(type);
    }

    /** Required whatever the type: the envelope every event carries. */
    public boolean alwaysRequired() {
        return requiredFor.size() == EventType.values().length;
    }

    /** A list of values: a JSON array of strings, one CSV cell separated by {@code ;}. */
    public boolean isList() {
        return this == CHANGED_ATTRIBUTES;
    }

    /** The field with this exact (case-sensitive) wire name. */
    public static Optional<SubmissionField> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /** The event-type sets, in a holder class so the constants above can use them. */
    private static final class Types {
        static final Set<EventType> ALL = EnumSet.allOf(EventType.class);
        static final Set<EventType> NONE = EnumSet.noneOf(EventType.class);
        static final Set<EventType> HIRES = EnumSet.of(JOINER, EventType.REHIRE);
        static final Set<EventType> HIRES_AND_MOVES = EnumSet.of(JOINER, EventType.REHIRE, MOVER);
        static final Set<EventType> DATE_CHANGES =
                EnumSet.of(EventType.START_DATE_CHANGED, EventType.END_DATE_CHANGED);
        static final Set<EventType> CANCELLATIONS = EnumSet.of(JOINER_CANCELLED, EventType.LEAVER_CANCELLED);
        static final Set<EventType> VPN = EnumSet.of(EventType.VPN_ACCESS);
    }
}
