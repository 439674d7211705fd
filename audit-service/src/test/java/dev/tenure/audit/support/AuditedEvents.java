package dev.tenure.audit.support;

import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.equipment.EquipmentType;
import dev.tenure.schemas.hr.Contact;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.LeaveReason;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.Submitter;
import dev.tenure.schemas.hr.SubmitterKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The events the audit service reads, as their writers publish them: a lifecycle envelope as hr-events-service
 * writes it, an access outcome as access-service does, an equipment change as equipment-service does. Built field by
 * field: Avro's copying builders deep-copy through the global model, which under Quarkus's test class loaders can mix
 * two copies of the enum classes.
 */
public final class AuditedEvents {

    public static final String ZONE = "America/New_York";

    private AuditedEvents() {
    }

    public static String newPersonId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static HrLifecycleEvent joiner(String personId, LocalDate startDate, String submitter) {
        Position position = Position.newBuilder().setAgency("DOR").setDepartment("Audit Division").setJobCode("ACCT-2")
                .setJobTitle("Accountant II").setLocation("100 Cambridge Street, Boston").setTimeZone(ZONE)
                .setManagerPersonId(null).setEmploymentType(EmploymentType.EMPLOYEE).build();
        return envelope(personId, startDate, submitter, EmployeeJoined.newBuilder().setGivenName("Carol")
                .setFamilyName("Ng").setPreferredName(null).setStartDate(startDate).setPosition(position)
                .setPointOfContact(Contact.newBuilder().setName("Dana").setEmail("dana@dor.mass.example").build())
                .build());
    }

    public static HrLifecycleEvent leaver(String personId, LocalDate endDate, String submitter) {
        return envelope(personId, endDate, submitter, EmployeeLeft.newBuilder().setEndDate(endDate)
                .setReason(LeaveReason.RESIGNATION).setImmediate(false).setLastWorkingInstant(null).build());
    }

    public static AccessEvent access(String personId, AccessAction action, String targetSystem, String entitlement,
                                     Instant effectiveAt, String cause) {
        return AccessEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now())
                .setCausationId(cause).setCorrelationId(cause == null ? "case-" + personId : cause)
                .setSource("access-service").setPersonId(personId).setAgency("DOR").setTargetSystem(targetSystem)
                .setEntitlement(entitlement).setAction(action).setOutcome(AccessOutcome.DONE).setReason(null)
                .setEffectiveAt(effectiveAt).setActor("access-service").setActionId(null).setDueAt(null).build();
    }

    public static EquipmentEvent equipment(String personId, EquipmentChange change, EquipmentState state,
                                           String assetTag, String actor) {
        return EquipmentEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now())
                .setCausationId(null).setCorrelationId("case-" + personId).setSource("equipment-service")
                .setPersonId(personId).setAgency("DOR").setItemType(EquipmentType.LAPTOP).setModel("ThinkPad T14")
                .setAssetTag(assetTag).setSerialNumber(assetTag == null ? null : "SN-" + assetTag).setState(state)
                .setDueAt(null).setActor(actor).setItemId("item-" + personId).setChange(change).setPreviousState(null)
                .setCatalogueItem("laptop-standard").setCatalogueVersion("1").setSite(null).setReason(null).build();
    }

    private static HrLifecycleEvent envelope(String personId, LocalDate effectiveDate, String submitter,
                                             Object payload) {
        String eventId = UUID.randomUUID().toString();
        Instant now = now();
        return HrLifecycleEvent.newBuilder().setEventId(eventId).setPersonId(personId).setOccurredAt(now)
                .setSubmittedAt(now)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.HRIS).setPrincipal(submitter)
                        .setAgency(null).build())
                .setAgency("DOR").setEffectiveDate(effectiveDate).setTimeZone(ZONE).setCausationId(null)
                .setCorrelationId(eventId).setSource("hr-events-service").setPayload(payload).setNoticeDays(null)
                .setLateSubmission(false).setContentDigest(null).build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
