package dev.tenure.hr.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Valid flat submissions of every type, as a JSON parser would give them, and the context they are valid in. */
public final class Samples {

    /** Monday 1 March 2027, 14:00 UTC (09:00 in New York). */
    public static final Instant NOW = Instant.parse("2027-03-01T14:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Set<String> AGENCIES = Set.of("EOTSS", "DOR", "EOHHS", "DCR", "MASSDOT", "EOPSS", "EOE", "ANF");

    /** A value for {@link #with} that removes the field. */
    public static final Object ABSENT = new Object();

    /**
     * Known people: one who started on 1 February 2027, one who left on 31 January 2027 (no agency known for either);
     * one in EOTSS since 1 February 2027; one who leaves EOTSS on 30 June 2027; one who moved from EOTSS to DOR; one
     * whose joiner was cancelled.
     */
    public static final PersonRecords RECORDS = PersonRecords.of(Map.of(
            "p-started", PersonDates.startedOn(LocalDate.of(2027, 2, 1)),
            "p-left", new PersonDates(LocalDate.of(2020, 1, 6), LocalDate.of(2027, 1, 31)),
            "p-eotss", new PersonDates(LocalDate.of(2027, 2, 1), null, "EOTSS", Set.of("EOTSS")),
            "p-leaving", new PersonDates(LocalDate.of(2024, 9, 2), LocalDate.of(2027, 6, 30), "EOTSS", Set.of("EOTSS")),
            "p-transferred", new PersonDates(LocalDate.of(2025, 4, 7), null, "DOR", Set.of("EOTSS", "DOR")),
            "p-cancelled", new PersonDates(null, null, "EOTSS", Set.of("EOTSS"))));

    public static final IntakeContext CONTEXT = new IntakeContext(AGENCIES, CLOCK, RECORDS);

    private Samples() {}

    public static Map<String, Object> joiner() {
        return fields(
                "eventId", "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c",
                "type", "JOINER",
                "personId", "p-0001",
                "agency", "EOTSS",
                "effectiveDate", "2027-03-22",
                "timeZone", "America/New_York",
                "givenName", "Alice",
                "familyName", "Nakamura",
                "preferredName", "Ali",
                "department", "Finance",
                "jobCode", "FA-2",
                "jobTitle", "Finance Analyst",
                "location", "Boston HQ",
                "managerPersonId", "p-0042",
                "employmentType", "EMPLOYEE",
                "contactName", "Grace Hopper",
                "contactEmail", "grace.hopper@example.org");
    }

    public static Map<String, Object> rehire() {
        return with(joiner(), "eventId", "8b0e3d51-2f6a-4c8e-b1d7-5a9c3e7f2d40", "type", "REHIRE", "personId", "p-left",
                "effectiveDate", "2027-04-05");
    }

    public static Map<String, Object> mover() {
        return fields(
                "eventId", "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f",
                "type", "MOVER",
                "personId", "p-started",
                "agency", "DOR",
                "effectiveDate", "2027-04-01",
                "timeZone", "America/New_York",
                "department", "Legal",
                "jobCode", "LC-1",
                "jobTitle", "Legal Counsel",
                "transfer", true,
                "changedAttributes", List.of("AGENCY", "DEPARTMENT", "JOB"));
    }

    public static Map<String, Object> leaver() {
        return fields(
                "eventId", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                "type", "LEAVER",
                "personId", "p-started",
                "agency", "EOTSS",
                "effectiveDate", "2027-06-30",
                "timeZone", "America/New_York",
                "leaveReason", "RESIGNATION",
                "immediate", false);
    }

    public static Map<String, Object> startDateChanged() {
        return fields(
                "eventId", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "type", "START_DATE_CHANGED",
                "personId", "p-0001",
                "agency", "EOTSS",
                "effectiveDate", "2027-03-29",
                "timeZone", "America/New_York",
                "previousDate", "2027-03-22");
    }

    public static Map<String, Object> endDateChanged() {
        return fields(
                "eventId", "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e",
                "type", "END_DATE_CHANGED",
                "personId", "p-started",
                "agency", "EOTSS",
                "effectiveDate", "2027-07-15",
                "timeZone", "America/New_York",
                "previousDate", "2027-06-30");
    }

    public static Map<String, Object> joinerCancelled() {
        return fields(
                "eventId", "2c3d4e5f-6a7b-4c8d-ae9f-1a2b3c4d5e6f",
                "type", "JOINER_CANCELLED",
                "personId", "p-0001",
                "agency", "EOTSS",
                "effectiveDate", "2027-03-22",
                "timeZone", "America/New_York",
                "cancelReason", "OFFER_DECLINED",
                "cancelledEventId", "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c");
    }

    public static Map<String, Object> leaverCancelled() {
        return fields(
                "eventId", "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a",
                "type", "LEAVER_CANCELLED",
                "personId", "p-started",
                "agency", "EOTSS",
                "effectiveDate", "2027-06-30",
                "timeZone", "America/New_York",
                "cancelReason", "Resignation withdrawn",
                "cancelledEventId", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
    }

    /** A security officer's request to grant VPN access to the EOTSS person from 8 March 2027. */
    public static Map<String, Object> vpnGrant() {
        return fields(
                "eventId", "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b",
                "type", "VPN_ACCESS",
                "personId", "p-eotss",
                "agency", "EOTSS",
                "effectiveDate", "2027-03-08",
                "timeZone", "America/New_York",
                "vpnAction", "GRANT",
                "reason", "Remote access for field audits");
    }

    /** A request to revoke the VPN access of the person who moved from EOTSS to DOR, as EOTSS sends it. */
    public static Map<String, Object> vpnRevoke() {
        return with(vpnGrant(), "eventId", "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b9c", "personId", "p-transferred",
                "vpnAction", "REVOKE", "reason", ABSENT);
    }

    /** A copy of {@code base} with the given field/value pairs set ({@link #ABSENT} removes a field). */
    public static Map<String, Object> with(Map<String, Object> base, Object... namesAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == ABSENT) {
                copy.remove(name);
            } else {
                copy.put(name, value);
            }
        }
        return copy;
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        return with(new LinkedHashMap<>(), namesAndValues);
    }
}
