package dev.tenure.tools.bench.planner;

import dev.tenure.schemas.hr.Contact;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmployeeRehired;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.EndDateChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.JoinerCancellationReason;
import dev.tenure.schemas.hr.JoinerCancelled;
import dev.tenure.schemas.hr.LeaveReason;
import dev.tenure.schemas.hr.LeaverCancelled;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.PositionAttribute;
import dev.tenure.schemas.hr.StartDateChanged;
import dev.tenure.schemas.hr.Submitter;
import dev.tenure.schemas.hr.SubmitterKind;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.ScheduledEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a sample feed's events into the {@code hr-lifecycle-events} envelopes the intake would have published for
 * them, submitted at their scheduled (past) instants: the planner then sees history, as after a replay or a late
 * start. Feed it in submission order: a move carries the person's previous position, which is remembered from the
 * joiner, rehire or move before it.
 */
public final class HistoricalEnvelopes {

    public static final String SOURCE = "tenure-tools-bench-planner";
    /** As the intake's default: less notice than this is reported late. */
    static final int MINIMUM_NOTICE_DAYS = 14;

    private final Map<String, Position> positions = new HashMap<>();

    public HrLifecycleEvent envelope(ScheduledEvent scheduled) {
        FeedEvent e = scheduled.event();
        Instant submittedAt = scheduled.submitAt();
        int notice = noticeDays(submittedAt, e.effectiveDate(), ZoneId.of(e.timeZone()));
        return HrLifecycleEvent.newBuilder()
                .setEventId(e.eventId())
                .setPersonId(e.personId())
                .setOccurredAt(submittedAt)
                .setSubmittedAt(submittedAt)
                .setSubmittedBy(Submitter.newBuilder()
                        .setKind(scheduled.submitter().kind() == dev.tenure.tools.feed.Submitter.Kind.HRIS
                                ? SubmitterKind.HRIS : SubmitterKind.COORDINATOR)
                        .setPrincipal(scheduled.submitter().principal())
                        .setAgency(scheduled.submitter().agency())
                        .build())
                .setAgency(e.agency())
                .setEffectiveDate(e.effectiveDate())
                .setTimeZone(e.timeZone())
                .setCausationId(null)
                .setCorrelationId(e.eventId())
                .setSource(SOURCE)
                .setPayload(payload(e))
                .setNoticeDays(notice)
                .setLateSubmission(notice < MINIMUM_NOTICE_DAYS)
                .setContentDigest(null)
                .build();
    }

    private Object payload(FeedEvent e) {
        return switch (e.type()) {
            case JOINER -> EmployeeJoined.newBuilder().setGivenName(e.givenName()).setFamilyName(e.familyName())
                    .setPreferredName(e.preferredName()).setStartDate(e.effectiveDate())
                    .setPosition(remember(e)).setPointOfContact(contact(e)).build();
            case REHIRE -> EmployeeRehired.newBuilder().setGivenName(e.givenName()).setFamilyName(e.familyName())
                    .setPreferredName(e.preferredName()).setStartDate(e.effectiveDate())
                    .setPosition(remember(e)).setPointOfContact(contact(e)).build();
            case MOVER -> {
                Position previous = positions.get(e.personId());
                yield EmployeeMoved.newBuilder().setEffectiveDate(e.effectiveDate()).setNewPosition(remember(e))
                        .setPreviousPosition(previous)
                        .setChangedAttributes(e.changedAttributes().stream()
                                .map(a -> PositionAttribute.valueOf(a.name())).toList())
                        .setTransfer(Boolean.TRUE.equals(e.transfer())).build();
            }
            case LEAVER -> EmployeeLeft.newBuilder().setEndDate(e.effectiveDate())
                    .setReason(LeaveReason.valueOf(e.leaveReason().name()))
                    .setImmediate(Boolean.TRUE.equals(e.immediate())).setLastWorkingInstant(null).build();
            case START_DATE_CHANGED -> StartDateChanged.newBuilder().setPreviousStartDate(e.previousDate())
                    .setNewStartDate(e.effectiveDate()).build();
            case END_DATE_CHANGED -> EndDateChanged.newBuilder().setPreviousEndDate(e.previousDate())
                    .setNewEndDate(e.effectiveDate()).build();
            case JOINER_CANCELLED -> JoinerCancelled.newBuilder()
                    .setReason(JoinerCancellationReason.valueOf(e.cancelReason()))
                    .setCancelledEventId(e.cancelledEventId()).build();
            case LEAVER_CANCELLED -> LeaverCancelled.newBuilder().setReason(e.cancelReason())
                    .setCancelledEventId(e.cancelledEventId()).build();
        };
    }

    private Position remember(FeedEvent e) {
        Position position = Position.newBuilder()
                .setAgency(e.agency())
                .setDepartment(e.department())
                .setJobCode(e.jobCode())
                .setJobTitle(e.jobTitle())
                .setLocation(e.location())
                .setTimeZone(e.timeZone())
                .setManagerPersonId(e.managerPersonId())
                .setEmploymentType(EmploymentType.valueOf(e.employmentType().name()))
                .build();
        positions.put(e.personId(), position);
        return position;
    }

    private static Contact contact(FeedEvent e) {
        return Contact.newBuilder().setName(e.contactName()).setEmail(e.contactEmail()).build();
    }

    /** Whole days from the submission to the start of the effective date in the person's zone, floored (as the intake counts). */
    static int noticeDays(Instant submittedAt, LocalDate effectiveDate, ZoneId zone) {
        LocalDateTime submitted = LocalDateTime.ofInstant(submittedAt, zone);
        LocalDateTime effective = effectiveDate.atStartOfDay();
        long days = ChronoUnit.DAYS.between(submitted, effective);
        return Math.toIntExact(submitted.plusDays(days).isAfter(effective) ? days - 1 : days);
    }
}
