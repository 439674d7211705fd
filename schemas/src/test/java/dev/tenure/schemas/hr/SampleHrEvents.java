package dev.tenure.schemas.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Realistic lifecycle events for tests. */
public final class SampleHrEvents {

    public static final String PERSON_ID = "P-000123";
    private static final String AGENCY = "finance";
    private static final String ZONE = "America/New_York";

    private SampleHrEvents() {
    }

    public static HrLifecycleEvent joiner(String personId) {
        LocalDate startDate = LocalDate.of(2027, 3, 1);
        return envelope(personId, startDate, EmployeeJoined.newBuilder()
                .setGivenName("Alice")
                .setFamilyName("Ng")
                .setPreferredName("Ali")
                .setStartDate(startDate)
                .setPosition(financeAnalyst())
                .setPointOfContact(Contact.newBuilder().setName("Dana Coordinator").setEmail("dana@finance.example").build())
                .build());
    }

    /** One envelope per payload type of the union. */
    public static List<HrLifecycleEvent> oneOfEachPayload() {
        LocalDate day = LocalDate.of(2027, 6, 1);
        Position legal = Position.newBuilder(financeAnalyst())
                .setAgency("justice").setDepartment("Legal").setJobCode("LEG-2").setJobTitle("Paralegal").build();
        return List.of(
                joiner(PERSON_ID),
                envelope(PERSON_ID, day, EmployeeMoved.newBuilder()
                        .setEffectiveDate(day).setNewPosition(legal).setPreviousPosition(financeAnalyst())
                        .setChangedAttributes(List.of(PositionAttribute.AGENCY, PositionAttribute.DEPARTMENT, PositionAttribute.JOB))
                        .setTransfer(true).build()),
                envelope(PERSON_ID, day, EmployeeLeft.newBuilder()
                        .setEndDate(day).setReason(LeaveReason.TERMINATION_FOR_CAUSE).setImmediate(true)
                        .setLastWorkingInstant(Instant.parse("2027-06-01T14:30:00Z")).build()),
                envelope(PERSON_ID, day, StartDateChanged.newBuilder()
                        .setPreviousStartDate(day.minusDays(7)).setNewStartDate(day).build()),
                envelope(PERSON_ID, day, EndDateChanged.newBuilder()
                        .setPreviousEndDate(null).setNewEndDate(day).build()),
                envelope(PERSON_ID, day, JoinerCancelled.newBuilder()
                        .setReason(JoinerCancellationReason.NO_SHOW).setCancelledEventId(UUID.randomUUID().toString()).build()),
                envelope(PERSON_ID, day, LeaverCancelled.newBuilder()
                        .setReason("resignation withdrawn").setCancelledEventId(null).build()),
                envelope(PERSON_ID, day, EmployeeRehired.newBuilder()
                        .setGivenName("Alice").setFamilyName("Ng").setPreferredName(null).setStartDate(day)
                        .setPosition(financeAnalyst())
                        .setPointOfContact(Contact.newBuilder().setName("Dana Coordinator").setEmail("dana@finance.example").build())
                        .build()),
                envelope(PERSON_ID, day, VpnAccessRequested.newBuilder()
                        .setAction(VpnAction.GRANT).setReason("remote work two days a week").build()));
    }

    private static Position financeAnalyst() {
        return Position.newBuilder()
                .setAgency(AGENCY)
                .setDepartment("Finance")
                .setJobCode("FIN-3")
                .setJobTitle("Finance Analyst")
                .setLocation("New York HQ")
                .setTimeZone(ZONE)
                .setManagerPersonId("P-000007")
                .setEmploymentType(EmploymentType.EMPLOYEE)
                .build();
    }

    private static HrLifecycleEvent envelope(String personId, LocalDate effectiveDate, Object payload) {
        String eventId = UUID.randomUUID().toString();
        // Avro keeps millisecond precision for timestamp-millis; truncate so round trips compare equal.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return HrLifecycleEvent.newBuilder()
                .setEventId(eventId)
                .setPersonId(personId)
                .setOccurredAt(now)
                .setSubmittedAt(now.minusSeconds(5))
                .setSubmittedBy(Submitter.newBuilder()
                        .setKind(SubmitterKind.COORDINATOR).setPrincipal("dana.coordinator").setAgency(AGENCY).build())
                .setAgency(AGENCY)
                .setEffectiveDate(effectiveDate)
                .setTimeZone(ZONE)
                .setCausationId(null)
                .setCorrelationId(eventId)
                .setSource("hr-events-service")
                .setPayload(payload)
                .build();
    }
}
