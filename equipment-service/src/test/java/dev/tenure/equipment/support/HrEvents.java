package dev.tenure.equipment.support;

import dev.tenure.schemas.hr.Contact;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.EndDateChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.JoinerCancellationReason;
import dev.tenure.schemas.hr.JoinerCancelled;
import dev.tenure.schemas.hr.LeaveReason;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.StartDateChanged;
import dev.tenure.schemas.hr.Submitter;
import dev.tenure.schemas.hr.SubmitterKind;
import dev.tenure.schemas.hr.VpnAccessRequested;
import dev.tenure.schemas.hr.VpnAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Lifecycle envelopes as hr-events-service writes them, for the topology tests and the ITs. */
public final class HrEvents {

    public static final String ZONE = "America/New_York";
    public static final String SITE = "100 Cambridge Street, Boston";

    private HrEvents() {
    }

    public static String newPersonId() {
        return "P-EQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Position accountant() {
        return position("Audit Division", "ACCT-2", "Accountant II", SITE);
    }

    public static Position engineer() {
        return position("Digital Services", "ITSE-3", "Software Engineer III", SITE);
    }

    // Built field by field: Avro's copying builder deep-copies through the global model, which under Quarkus's test
    // class loaders can mix two copies of the enum classes.
    private static Position position(String department, String jobCode, String jobTitle, String site) {
        return Position.newBuilder().setAgency("DOR").setDepartment(department).setJobCode(jobCode)
                .setJobTitle(jobTitle).setLocation(site).setTimeZone(ZONE).setManagerPersonId(null)
                .setEmploymentType(EmploymentType.EMPLOYEE).build();
    }

    public static HrLifecycleEvent joiner(String personId, LocalDate startDate) {
        return joiner(personId, startDate, accountant());
    }

    /** An accountant joining at {@code site}. */
    public static HrLifecycleEvent joinerAt(String personId, LocalDate startDate, String site) {
        return joiner(personId, startDate, position("Audit Division", "ACCT-2", "Accountant II", site));
    }

    public static HrLifecycleEvent joiner(String personId, LocalDate startDate, Position position) {
        return envelope(personId, startDate, EmployeeJoined.newBuilder().setGivenName("Alice").setFamilyName("Ng")
                .setPreferredName(null).setStartDate(startDate).setPosition(position)
                .setPointOfContact(Contact.newBuilder().setName("Dana").setEmail("dana@dor.mass.example").build())
                .build());
    }

    public static HrLifecycleEvent leaver(String personId, LocalDate endDate, boolean immediate) {
        return envelope(personId, endDate, EmployeeLeft.newBuilder().setEndDate(endDate)
                .setReason(LeaveReason.RESIGNATION).setImmediate(immediate).setLastWorkingInstant(null).build());
    }

    public static HrLifecycleEvent mover(String personId, LocalDate effectiveDate, Position to) {
        return envelope(personId, effectiveDate, EmployeeMoved.newBuilder().setEffectiveDate(effectiveDate)
                .setNewPosition(to).setPreviousPosition(accountant()).setChangedAttributes(List.of())
                .setTransfer(false).build());
    }

    public static HrLifecycleEvent startDateChanged(String personId, LocalDate from, LocalDate to) {
        return envelope(personId, to, StartDateChanged.newBuilder().setPreviousStartDate(from).setNewStartDate(to)
                .build());
    }

    public static HrLifecycleEvent endDateChanged(String personId, LocalDate from, LocalDate to) {
        return envelope(personId, to, EndDateChanged.newBuilder().setPreviousEndDate(from).setNewEndDate(to).build());
    }

    public static HrLifecycleEvent joinerCancelled(String personId, LocalDate startDate) {
        return envelope(personId, startDate, JoinerCancelled.newBuilder()
                .setReason(JoinerCancellationReason.OFFER_DECLINED).setCancelledEventId(null).build());
    }

    public static HrLifecycleEvent leaverCancelled(String personId, LocalDate endDate) {
        return envelope(personId, endDate, LeaverCancelled.newBuilder().setReason("resignation withdrawn")
                .setCancelledEventId(null).build());
    }

    public static HrLifecycleEvent vpnRequest(String personId, LocalDate from) {
        return envelope(personId, from, VpnAccessRequested.newBuilder().setAction(VpnAction.GRANT).setReason(null)
                .build());
    }

    private static HrLifecycleEvent envelope(String personId, LocalDate effectiveDate, Object payload) {
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return HrLifecycleEvent.newBuilder()
                .setEventId(eventId)
                .setPersonId(personId)
                .setOccurredAt(now)
                .setSubmittedAt(now)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.HRIS).setPrincipal("workday")
                        .setAgency(null).build())
                .setAgency("DOR")
                .setEffectiveDate(effectiveDate)
                .setTimeZone(ZONE)
                .setCausationId(null)
                .setCorrelationId(eventId)
                .setSource("hr-events-service")
                .setPayload(payload)
                .setNoticeDays(null)
                .setLateSubmission(false)
                .setContentDigest(null)
                .build();
    }
}
