package dev.tenure.audit.sle.streams;

import dev.tenure.audit.sle.domain.AccessAction;
import dev.tenure.audit.sle.domain.AccessEvidence;
import dev.tenure.audit.sle.domain.CaseStatus;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.EquipmentEvidence;
import dev.tenure.audit.sle.domain.ItemChange;
import dev.tenure.audit.sle.domain.ItemState;
import dev.tenure.audit.sle.domain.LifecycleFact;
import dev.tenure.audit.sle.domain.LifecycleFact.Envelope;
import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmployeeRehired;
import dev.tenure.schemas.hr.EndDateChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.JoinerCancelled;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.StartDateChanged;
import dev.tenure.schemas.sle.PeriodKind;
import dev.tenure.schemas.sle.ServiceLevelExpectation;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.sle.SleCompliance;
import dev.tenure.schemas.sle.SleStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Between the topics' Avro records and the SLE rules' own records, both ways. */
public final class SleRecords {

    /** The producing service of the sle-case-status and sle-compliance records. */
    public static final String SOURCE = "audit-service";

    private SleRecords() {
    }

    // ---------------------------------------------------------------------------------------------------- inputs

    /** The lifecycle event as the rules read it; every payload is one (those that open no case as {@code Other}). */
    public static LifecycleFact lifecycle(HrLifecycleEvent event) {
        Envelope env = new Envelope(event.getEventId(), event.getPersonId(), event.getAgency(),
                event.getSubmittedAt(), event.getTimeZone(), event.getCorrelationId());
        Object payload = event.getPayload();
        if (payload instanceof EmployeeJoined joined) {
            return new LifecycleFact.Joined(env, joined.getStartDate(), joined.getPosition().getTimeZone());
        } else if (payload instanceof EmployeeRehired rehired) {
            return new LifecycleFact.Joined(env, rehired.getStartDate(), rehired.getPosition().getTimeZone());
        } else if (payload instanceof EmployeeMoved moved) {
            return new LifecycleFact.Moved(env, moved.getEffectiveDate(), moved.getNewPosition().getTimeZone());
        } else if (payload instanceof EmployeeLeft left) {
            return new LifecycleFact.Left(env, left.getEndDate());
        } else if (payload instanceof StartDateChanged changed) {
            return new LifecycleFact.StartDateChanged(env, changed.getNewStartDate());
        } else if (payload instanceof EndDateChanged changed) {
            return new LifecycleFact.EndDateChanged(env, changed.getNewEndDate());
        } else if (payload instanceof JoinerCancelled cancelled) {
            return new LifecycleFact.JoinerCancelled(env, cancelled.getCancelledEventId());
        } else if (payload instanceof LeaverCancelled cancelled) {
            return new LifecycleFact.LeaverCancelled(env, cancelled.getCancelledEventId());
        }
        return new LifecycleFact.Other(env);
    }

    /** A planned change: it has to happen. */
    public static AccessEvidence planned(AccessCommand command) {
        return new AccessEvidence(command.getEventId(), command.getActionId(), command.getCausationId(),
                command.getCorrelationId(), AccessAction.named(command.getStep() == null ? null
                        : command.getStep().name()), command.getTargetSystem(), command.getEntitlement(),
                AccessEvidence.Result.PLANNED, null, command.getDueAt());
    }

    /** An outcome; empty for an outcome this version does not know (it says nothing about the change). */
    public static Optional<AccessEvidence> outcome(AccessEvent event) {
        AccessEvidence.Result result;
        switch (event.getOutcome()) {
            case DONE, ALREADY_SO -> result = AccessEvidence.Result.DONE;
            case FAILED -> result = AccessEvidence.Result.FAILED;
            case WAITING_FOR_HUMAN -> result = AccessEvidence.Result.WAITING;
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new AccessEvidence(event.getEventId(), event.getActionId(), event.getCausationId(),
                event.getCorrelationId(), AccessAction.named(event.getAction().name()), event.getTargetSystem(),
                event.getEntitlement(), result, event.getEffectiveAt(), event.getDueAt()));
    }

    /** An item's change; empty for one without an item id (it cannot be followed). */
    public static Optional<EquipmentEvidence> equipment(EquipmentEvent event) {
        if (event.getItemId() == null) {
            return Optional.empty();
        }
        return Optional.of(new EquipmentEvidence(event.getEventId(), event.getItemId(), event.getCausationId(),
                event.getCorrelationId(), ItemChange.named(event.getChange().name()),
                ItemState.named(event.getState().name()), event.getItemType().name(), event.getOccurredAt()));
    }

    // --------------------------------------------------------------------------------------------------- outputs

    /** The sle-case-status record of a case's view. */
    public static SleCaseStatus status(CaseView view, int revision, String causationId, Instant occurredAt) {
        return SleCaseStatus.newBuilder()
                .setEventId(eventId(view.caseId(), revision))
                .setOccurredAt(occurredAt)
                .setCausationId(causationId)
                .setCorrelationId(view.correlationId() == null ? view.caseId() : view.correlationId())
                .setSource(SOURCE)
                .setCaseId(view.caseId())
                .setPersonId(view.personId())
                .setAgency(view.agency())
                .setSle(ServiceLevelExpectation.valueOf(view.sle().name()))
                .setStatus(SleStatus.valueOf(view.status().name()))
                .setSubmittedAt(view.submittedAt())
                .setDueAt(view.dueAt())
                .setCompletedAt(view.completedAt())
                .setEffectiveDate(view.effectiveDate())
                .setTimeZone(view.timeZone())
                .build();
    }

    /**
     * The view an sle-case-status record reports; empty for one this version cannot count (an SLE or status it does
     * not know). A record without an effective date (none is written so) counts on its due time's UTC date.
     */
    public static Optional<CaseView> view(SleCaseStatus status) {
        if (status.getSle() == ServiceLevelExpectation.UNKNOWN || status.getStatus() == SleStatus.UNKNOWN) {
            return Optional.empty();
        }
        LocalDate date = status.getEffectiveDate() != null ? status.getEffectiveDate()
                : LocalDate.ofInstant(status.getDueAt(), ZoneOffset.UTC);
        return Optional.of(new CaseView(status.getCaseId(), Sle.valueOf(status.getSle().name()),
                status.getPersonId(), status.getAgency(), CaseStatus.valueOf(status.getStatus().name()),
                status.getSubmittedAt(), status.getDueAt(), status.getCompletedAt(), date, status.getTimeZone(),
                status.getCorrelationId()));
    }

    /** The sle-compliance record of an aggregate. */
    public static SleCompliance compliance(Compliance aggregate, String causationId) {
        String key = aggregate.key().asText();
        return SleCompliance.newBuilder()
                .setEventId(eventId(key, aggregate.revision()))
                .setOccurredAt(aggregate.updatedAt())
                .setCausationId(causationId)
                .setCorrelationId(key)
                .setSource(SOURCE)
                .setSle(ServiceLevelExpectation.valueOf(aggregate.key().sle().name()))
                .setAgency(aggregate.key().agency())
                .setPeriodStart(aggregate.key().period().start())
                .setPeriodKind(PeriodKind.valueOf(aggregate.key().period().kind().name()))
                .setTotal(aggregate.counts().total())
                .setMet(aggregate.counts().met())
                .setMissed(aggregate.counts().missed())
                .setPending(aggregate.counts().pending())
                .setLateSubmissions(aggregate.counts().lateSubmissions())
                .setTarget(aggregate.target())
                .setUpdatedAt(aggregate.updatedAt())
                .build();
    }

    /** The same revision of the same thing always has the same event id: a replayed output is recognisably one. */
    static String eventId(String key, long revision) {
        return UUID.nameUUIDFromBytes((key + "#" + revision).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
