package dev.tenure.hr.messaging;

import dev.tenure.hr.domain.Caller;
import dev.tenure.hr.domain.LifecycleSubmission;
import dev.tenure.hr.domain.LifecycleSubmission.DateChange;
import dev.tenure.hr.domain.LifecycleSubmission.Hire;
import dev.tenure.hr.domain.LifecycleSubmission.JoinerCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Leave;
import dev.tenure.hr.domain.LifecycleSubmission.LeaverCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Move;
import dev.tenure.hr.domain.LifecycleSubmission.VpnRequest;
import dev.tenure.hr.domain.Role;
import dev.tenure.schemas.hr.Contact;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmployeeRehired;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.EndDateChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.JoinerCancelled;
import dev.tenure.schemas.hr.LeaveReason;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.PositionAttribute;
import dev.tenure.schemas.hr.StartDateChanged;
import dev.tenure.schemas.hr.Submitter;
import dev.tenure.schemas.hr.SubmitterKind;
import dev.tenure.schemas.hr.VpnAccessRequested;
import dev.tenure.schemas.hr.VpnAction;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Turns an accepted submission into the {@code hr-lifecycle-events} envelope. */
public final class EnvelopeFactory {

    public static final String SOURCE = "hr-events-service";

    private EnvelopeFactory() {
    }

    /**
     * @param currentPosition the person's position before this event, which a move's changes apply to
     *                        (required for a move that does not state every attribute)
     */
    public static HrLifecycleEvent envelope(LifecycleSubmission s, Caller caller, Instant submittedAt,
                                            int noticeDays, boolean late, String digest,
                                            Optional<Position> currentPosition) {
        String eventId = s.eventId().toString();
        return HrLifecycleEvent.newBuilder()
                .setEventId(eventId)
                .setPersonId(s.personId())
                .setOccurredAt(submittedAt)
                .setSubmittedAt(submittedAt)
                .setSubmittedBy(Submitter.newBuilder()
                        .setKind(kindOf(caller.role()))
                        .setPrincipal(caller.principal())
                        .setAgency(caller.agency().orElse(null))
                        .build())
                .setAgency(s.agency())
                .setEffectiveDate(s.effectiveDate())
                .setTimeZone(s.timeZone().getId())
                .setCausationId(null)
                .setCorrelationId(eventId)
                .setSource(SOURCE)
                .setPayload(payload(s, currentPosition))
                .setNoticeDays(noticeDays)
                .setLateSubmission(late)
                .setContentDigest(digest)
                .build();
    }

    private static Object payload(LifecycleSubmission s, Optional<Position> current) {
        return switch (s.type()) {
            case JOINER -> {
                Hire hire = (Hire) s.details();
                yield EmployeeJoined.newBuilder().setGivenName(hire.person().givenName())
                        .setFamilyName(hire.person().familyName())
                        .setPreferredName(hire.person().preferredName().orElse(null))
                        .setStartDate(s.effectiveDate())
                        .setPosition(position(s, hire.position()))
                        .setPointOfContact(contact(hire)).build();
            }
            case REHIRE -> {
                Hire hire = (Hire) s.details();
                yield EmployeeRehired.newBuilder().setGivenName(hire.person().givenName())
                        .setFamilyName(hire.person().familyName())
                        .setPreferredName(hire.person().preferredName().orElse(null))
                        .setStartDate(s.effectiveDate())
                        .setPosition(position(s, hire.position()))
                        .setPointOfContact(contact(hire)).build();
            }
            case MOVER -> {
                Move move = (Move) s.details();
                yield EmployeeMoved.newBuilder().setEffectiveDate(s.effectiveDate())
                        .setNewPosition(PositionMerge.apply(s, move, current))
                        .setPreviousPosition(current.orElse(null))
                        .setChangedAttributes(move.changedAttributes().stream()
                                .map(a -> PositionAttribute.valueOf(a.name())).toList())
                        .setTransfer(move.transfer()).build();
            }
            case LEAVER -> {
                Leave leave = (Leave) s.details();
                yield EmployeeLeft.newBuilder().setEndDate(s.effectiveDate())
                        .setReason(LeaveReason.valueOf(leave.reason().name()))
                        .setImmediate(leave.immediate())
                        .setLastWorkingInstant(null).build();
            }
            case START_DATE_CHANGED -> StartDateChanged.newBuilder()
                    .setPreviousStartDate(((DateChange) s.details()).previousDate().orElse(null))
                    .setNewStartDate(s.effectiveDate()).build();
            case END_DATE_CHANGED -> EndDateChanged.newBuilder()
                    .setPreviousEndDate(((DateChange) s.details()).previousDate().orElse(null))
                    .setNewEndDate(s.effectiveDate()).build();
            case JOINER_CANCELLED -> {
                JoinerCancellation c = (JoinerCancellation) s.details();
                yield JoinerCancelled.newBuilder().setReason(dev.tenure.schemas.hr.JoinerCancellationReason.valueOf(c.reason().name()))
                        .setCancelledEventId(c.cancelledEventId().map(UUID::toString).orElse(null)).build();
            }
            case LEAVER_CANCELLED -> {
                LeaverCancellation c = (LeaverCancellation) s.details();
                yield LeaverCancelled.newBuilder().setReason(c.reason().orElse(null))
                        .setCancelledEventId(c.cancelledEventId().map(UUID::toString).orElse(null)).build();
            }
            case VPN_ACCESS -> {
                VpnRequest request = (VpnRequest) s.details();
                yield VpnAccessRequested.newBuilder().setAction(VpnAction.valueOf(request.action().name()))
                        .setReason(request.reason().orElse(null)).build();
            }
        };
    }

    private static SubmitterKind kindOf(Role role) {
        return switch (role) {
            case HRIS -> SubmitterKind.HRIS;
            case DPC -> SubmitterKind.COORDINATOR;
            case DSO -> SubmitterKind.SECURITY_OFFICER;
            case AUDITOR -> throw new IllegalStateException("an auditor submits nothing");
        };
    }

    static Position position(LifecycleSubmission s, LifecycleSubmission.Position p) {
        return Position.newBuilder()
                .setAgency(s.agency())
                .setDepartment(p.department())
                .setJobCode(p.jobCode())
                .setJobTitle(p.jobTitle())
                .setLocation(p.location())
                .setTimeZone(s.timeZone().getId())
                .setManagerPersonId(p.managerPersonId().orElse(null))
                .setEmploymentType(EmploymentType.valueOf(p.employmentType().name()))
                .build();
    }

    private static Contact contact(Hire hire) {
        return Contact.newBuilder().setName(hire.pointOfContact().name())
                .setEmail(hire.pointOfContact().email()).build();
    }
}
