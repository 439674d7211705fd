package dev.tenure.audit.sle.streams;

import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.equipment.EquipmentType;
import dev.tenure.schemas.hr.Contact;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.EndDateChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.JoinerCancelled;
import dev.tenure.schemas.hr.JoinerCancellationReason;
import dev.tenure.schemas.hr.LeaveReason;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.StartDateChanged;
import dev.tenure.schemas.hr.Submitter;
import dev.tenure.schemas.hr.SubmitterKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of the SLE topology's input topics, as the services write them. */
final class SleEvents {

    static final String AGENCY = "EOTSS";
    static final String NEW_YORK = "America/New_York";

    private SleEvents() {
    }

    static Position position(String agency, String zone) {
        return Position.newBuilder().setAgency(agency).setDepartment("Infrastructure Services")
                .setJobCode("IT-ENG-2").setJobTitle("Systems Engineer").setLocation("Boston")
                .setTimeZone(zone).setManagerPersonId(null).setEmploymentType(EmploymentType.EMPLOYEE).build();
    }

    static HrLifecycleEvent joiner(String eventId, String personId, LocalDate start, String zone, Instant submitted) {
        return envelope(eventId, personId, AGENCY, start, zone, submitted, EmployeeJoined.newBuilder()
                .setGivenName("Alice").setFamilyName("Nakamura").setStartDate(start)
                .setPosition(position(AGENCY, zone))
                .setPointOfContact(Contact.newBuilder().setName("Dana").setEmail("dana@example.test").build())
                .build());
    }

    static HrLifecycleEvent leaver(String eventId, String personId, LocalDate end, String zone, Instant submitted) {
        return leaver(eventId, personId, AGENCY, end, zone, submitted);
    }

    static HrLifecycleEvent leaver(String eventId, String personId, String agency, LocalDate end, String zone,
                                   Instant submitted) {
        return envelope(eventId, personId, agency, end, zone, submitted, EmployeeLeft.newBuilder()
                .setEndDate(end).setReason(LeaveReason.RESIGNATION).setImmediate(false).build());
    }

    static HrLifecycleEvent mover(String eventId, String personId, LocalDate effective, String zone,
                                  Instant submitted) {
        return envelope(eventId, personId, AGENCY, effective, zone, submitted, EmployeeMoved.newBuilder()
                .setEffectiveDate(effective).setNewPosition(position(AGENCY, zone)).setPreviousPosition(null)
                .setChangedAttributes(List.of()).setTransfer(false).build());
    }

    static HrLifecycleEvent endDateChanged(String eventId, String personId, LocalDate newEnd, String zone,
                                           Instant submitted) {
        return envelope(eventId, personId, AGENCY, newEnd, zone, submitted, EndDateChanged.newBuilder()
                .setPreviousEndDate(null).setNewEndDate(newEnd).build());
    }

    static HrLifecycleEvent startDateChanged(String eventId, String personId, LocalDate newStart, String zone,
                                             Instant submitted) {
        return envelope(eventId, personId, AGENCY, newStart, zone, submitted, StartDateChanged.newBuilder()
                .setPreviousStartDate(null).setNewStartDate(newStart).build());
    }

    static HrLifecycleEvent leaverCancelled(String eventId, String personId, String cancelled, LocalDate end,
                                            String zone, Instant submitted) {
        return envelope(eventId, personId, AGENCY, end, zone, submitted, LeaverCancelled.newBuilder()
                .setReason("resignation withdrawn").setCancelledEventId(cancelled).build());
    }

    static HrLifecycleEvent joinerCancelled(String eventId, String personId, String cancelled, LocalDate start,
                                            String zone, Instant submitted) {
        return envelope(eventId, personId, AGENCY, start, zone, submitted, JoinerCancelled.newBuilder()
                .setReason(JoinerCancellationReason.NO_SHOW).setCancelledEventId(cancelled).build());
    }

    private static HrLifecycleEvent envelope(String eventId, String personId, String agency, LocalDate effective,
                                             String zone, Instant submitted, Object payload) {
        return HrLifecycleEvent.newBuilder()
                .setEventId(eventId).setPersonId(personId).setOccurredAt(submitted).setSubmittedAt(submitted)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.COORDINATOR).setPrincipal("dpc-1")
                        .setAgency(agency).build())
                .setAgency(agency).setEffectiveDate(effective).setTimeZone(zone).setCausationId(null)
                .setCorrelationId(eventId).setSource("hr-events-service").setPayload(payload)
                .setNoticeDays(null).setLateSubmission(false).setContentDigest(null).build();
    }

    /** A command of access-service's planner, as CommandRecords writes it (correlation = causation). */
    static AccessCommand command(String personId, String causation, String actionId, AccessStep step,
                                 String target, String entitlement, Instant dueAt) {
        return AccessCommand.newBuilder()
                .setEventId("cmd-" + actionId).setOccurredAt(dueAt).setCausationId(causation)
                .setCorrelationId(causation).setSource("access-service").setActionId(actionId)
                .setPersonId(personId).setAgency(AGENCY).setTargetSystem(target).setEntitlement(entitlement)
                .setStep(step).setOperation(entitlement == null ? AccessOperation.SET_ACCOUNT_ENABLED
                        : AccessOperation.REMOVE_MEMBERSHIP)
                .setEnabled(entitlement == null ? Boolean.FALSE : null).setGroup(entitlement).setGroupKind(null)
                .setAccount(null).setDueAt(dueAt).build();
    }

    /** An outcome of access-service's executor (or, for MFA, of the coming identity-provider connector). */
    static AccessEvent outcome(String eventId, String personId, String causation, String actionId,
                               AccessAction action, String target, String entitlement, AccessOutcome outcome,
                               Instant effectiveAt, Instant dueAt) {
        return AccessEvent.newBuilder()
                .setEventId(eventId).setOccurredAt(effectiveAt).setCausationId(causation)
                .setCorrelationId(causation).setSource("access-service").setPersonId(personId).setAgency(AGENCY)
                .setTargetSystem(target).setEntitlement(entitlement).setAction(action).setOutcome(outcome)
                .setReason(outcome == AccessOutcome.FAILED ? "LDAP 52: unavailable" : null)
                .setEffectiveAt(effectiveAt).setActor("access-service").setActionId(actionId).setDueAt(dueAt)
                .build();
    }

    /** A change of an item of equipment. */
    static EquipmentEvent equipment(String eventId, String personId, String itemId, String causation,
                                    String correlation, EquipmentChange change, EquipmentState state,
                                    Instant occurredAt) {
        return EquipmentEvent.newBuilder()
                .setEventId(eventId).setOccurredAt(occurredAt).setCausationId(causation)
                .setCorrelationId(correlation).setSource("equipment-service").setPersonId(personId)
                .setAgency(AGENCY).setItemType(EquipmentType.LAPTOP).setModel("ThinkPad T14").setAssetTag(null)
                .setSerialNumber(null).setState(state).setDueAt(null).setActor("equipment-service")
                .setItemId(itemId).setChange(change).setPreviousState(null).setCatalogueItem("laptop-standard")
                .setCatalogueVersion("1").setSite("Boston").setReason(null).build();
    }
}
