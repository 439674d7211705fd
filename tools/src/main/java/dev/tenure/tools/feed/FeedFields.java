package dev.tenure.tools.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake's field names, in the order the tools write them (JSON keys, CSV columns), and an
 * event's present fields as wire values: text, an ISO date as text, a boolean, or a list of texts.
 */
public final class FeedFields {

    public static final List<String> NAMES = List.of(
            "eventId", "type", "personId", "agency", "effectiveDate", "timeZone",
            "givenName", "familyName", "preferredName", "department", "jobCode", "jobTitle", "location",
            "managerPersonId", "employmentType", "contactName", "contactEmail",
            "leaveReason", "immediate", "previousDate", "transfer", "changedAttributes",
            "cancelReason", "cancelledEventId");

    private FeedFields() {
    }

    /** The fields {@code event} carries, by name in {@link #NAMES} order; absent fields are left out. */
    public static Map<String, Object> present(FeedEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "eventId", event.eventId());
        put(fields, "type", event.type());
        put(fields, "personId", event.personId());
        put(fields, "agency", event.agency());
        put(fields, "effectiveDate", event.effectiveDate());
        put(fields, "timeZone", event.timeZone());
        put(fields, "givenName", event.givenName());
        put(fields, "familyName", event.familyName());
        put(fields, "preferredName", event.preferredName());
        put(fields, "department", event.department());
        put(fields, "jobCode", event.jobCode());
        put(fields, "jobTitle", event.jobTitle());
        put(fields, "location", event.location());
        put(fields, "managerPersonId", event.managerPersonId());
        put(fields, "employmentType", event.employmentType());
        put(fields, "contactName", event.contactName());
        put(fields, "contactEmail", event.contactEmail());
        put(fields, "leaveReason", event.leaveReason());
        if (event.immediate() != null) {
            fields.put("immediate", event.immediate());
        }
        put(fields, "previousDate", event.previousDate());
        if (event.transfer() != null) {
            fields.put("transfer", event.transfer());
        }
        if (event.changedAttributes() != null) {
            List<String> names = new ArrayList<>();
            for (PositionAttribute attribute : event.changedAttributes()) {
                names.add(attribute.name());
            }
            fields.put("changedAttributes", names);
        }
        put(fields, "cancelReason", event.cancelReason());
        put(fields, "cancelledEventId", event.cancelledEventId());
        return fields;
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }
}
