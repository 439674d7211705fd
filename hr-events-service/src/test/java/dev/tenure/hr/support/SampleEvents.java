package dev.tenure.hr.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Valid flat events for tests, to be varied one field at a time. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static String newPersonId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static Map<String, Object> joiner(String agency, String personId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "JOINER");
        event.put("personId", personId);
        event.put("agency", agency);
        event.put("effectiveDate", LocalDate.now().plusDays(30).toString());
        event.put("timeZone", "America/New_York");
        event.put("givenName", "Alice");
        event.put("familyName", "O'Brien");
        event.put("department", "Finance");
        event.put("jobCode", "FA-2");
        event.put("jobTitle", "Finance Analyst");
        event.put("location", "Boston");
        event.put("employmentType", "EMPLOYEE");
        event.put("contactName", "Bob Manager");
        event.put("contactEmail", "bob.manager@example.gov");
        return event;
    }

    /** A VPN request (GRANT or REVOKE) for a person, from a date. */
    public static Map<String, Object> vpnRequest(String agency, String personId, LocalDate from, String action) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "VPN_ACCESS");
        event.put("personId", personId);
        event.put("agency", agency);
        event.put("effectiveDate", from.toString());
        event.put("timeZone", "America/New_York");
        event.put("vpnAction", action);
        event.put("reason", "Remote access for field work");
        return event;
    }

    public static Map<String, Object> leaver(String agency, String personId, LocalDate endDate) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "LEAVER");
        event.put("personId", personId);
        event.put("agency", agency);
        event.put("effectiveDate", endDate.toString());
        event.put("timeZone", "America/New_York");
        event.put("leaveReason", "RESIGNATION");
        return event;
    }
}
