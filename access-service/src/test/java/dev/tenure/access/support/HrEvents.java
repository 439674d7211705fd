package dev.tenure.access.support;

import dev.tenure.schemas.hr.Contact;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.LeaveReason;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.PositionAttribute;
import dev.tenure.schemas.hr.Submitter;
import dev.tenure.schemas.hr.SubmitterKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Lifecycle envelopes as hr-events-service publishes them, for access-service tests. */
public final class HrEvents {

    public static final String ZONE = "America/New_York";

    private HrEvents() {
    }

    public static Position position(String agency, String department, String jobCode, String jobTitle) {
        return Position.newBuilder().setAgency(agency).setDepartment(department).setJobCode(jobCode)
                .setJobTitle(jobTitle).setLocation("Boston, One Ashburton Place").setTimeZone(ZONE)
                .setManagerPersonId(null).setEmploymentType(EmploymentType.EMPLOYEE).build();
    }

    public static HrLifecycleEvent joiner(String personId, String given, String family, Position position,
                                          LocalDate start, Instant submittedAt) {
        return envelope(personId, position.getAgency(), start, submittedAt, EmployeeJoined.newBuilder()
                .setGivenName(given).setFamilyName(family).setPreferredName(null).setStartDate(start)
                .setPosition(position)
                .setPointOfContact(Contact.newBuilder().setName("Grace Hopper").setEmail("grace@example.test").build())
                .build());
    }

    public static HrLifecycleEvent mover(String personId, Position from, Position to, LocalDate on,
                                         Instant submittedAt) {
        return envelope(personId, to.getAgency(), on, submittedAt, EmployeeMoved.newBuilder().setEffectiveDate(on)
                .setNewPosition(to).setPreviousPosition(from).setChangedAttributes(List.of(PositionAttribute.JOB))
                .setTransfer(!from.getAgency().equals(to.getAgency())).build());
    }

    public static HrLifecycleEvent leaver(String personId, String agency, LocalDate end, boolean immediate,
                                          Instant submittedAt) {
        return envelope(personId, agency, end, submittedAt, EmployeeLeft.newBuilder().setEndDate(end)
                .setReason(immediate ? LeaveReason.TERMINATION_FOR_CAUSE : LeaveReason.RESIGNATION)
                .setImmediate(immediate).setLastWorkingInstant(null).build());
    }

    public static HrLifecycleEvent leaverCancelled(String personId, String agency, LocalDate end,
                                                   Instant submittedAt) {
        return envelope(personId, agency, end, submittedAt,
                LeaverCancelled.newBuilder().setReason("resignation withdrawn").setCancelledEventId(null).build());
    }

    private static HrLifecycleEvent envelope(String personId, String agency, LocalDate effective, Instant at,
                                             Object payload) {
        String eventId = UUID.randomUUID().toString();
        return HrLifecycleEvent.newBuilder().setEventId(eventId).setPersonId(personId).setOccurredAt(at)
                .setSubmittedAt(at)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.HRIS).setPrincipal("workday")
                        .setAgency(null).build())
                .setAgency(agency).setEffectiveDate(effective).setTimeZone(ZONE).setCausationId(null)
                .setCorrelationId(eventId).setSource("hr-events-service").setPayload(payload).build();
    }
}
