package dev.tenure.hr.domain;

import dev.tenure.hr.domain.LifecycleSubmission.DateChange;
import dev.tenure.hr.domain.LifecycleSubmission.Leave;
import dev.tenure.hr.domain.LifecycleSubmission.VpnRequest;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks a submission's dates against today (in the person's zone) and what was accepted before about the person. A
 * VPN request is only for a person the intake knows (an accepted JOINER or REHIRE, not cancelled), of the agency it
 * names: a grant for their current agency while they are employed, a revoke for any agency they have worked for.
 */
final class TimelineRules {

    static final String BEFORE_START = "must not be before the person's start date";
    static final String AFTER_END = "must not be after the person's end date";
    static final String NOT_AFTER_END = "must be after the person's end date for a REHIRE";
    static final String IMMEDIATE_IN_FUTURE = "must be today or earlier for an immediate termination";
    static final String SAME_AS_NEW = "must differ from effectiveDate";
    static final String VPN_UNKNOWN_PERSON =
            "is not a person with an accepted JOINER or REHIRE: VPN access needs their account first";
    static final String VPN_PERSON_LEFT = "has left (the end date has passed): VPN access cannot be granted";
    static final String VPN_GRANT_AGENCY = "must be the agency of the person's current position for a GRANT";
    static final String VPN_REVOKE_AGENCY = "must be an agency the person has held a position in";

    private TimelineRules() {}

    static void check(LifecycleSubmission submission, IntakeContext context, FieldReader in) {
        LocalDate date = submission.effectiveDate();
        if (submission.details() instanceof Leave leave && leave.immediate()
                && date.isAfter(LocalDate.now(context.clock().withZone(submission.timeZone())))) {
            in.reject(SubmissionField.EFFECTIVE_DATE, IMMEDIATE_IN_FUTURE);
        }
        if (submission.details() instanceof DateChange change
                && change.previousDate().filter(date::equals).isPresent()) {
            in.reject(SubmissionField.PREVIOUS_DATE, SAME_AS_NEW);
        }
        if (submission.details() instanceof VpnRequest request) {
            checkVpnRequest(submission, request, context, in);
            return;
        }
        context.personRecords().find(submission.personId())
                .flatMap(known -> againstRecords(submission.type(), date, known))
                .ifPresent(reason -> in.reject(SubmissionField.EFFECTIVE_DATE, reason));
    }

    private static void checkVpnRequest(LifecycleSubmission submission, VpnRequest request, IntakeContext context,
                                        FieldReader in) {
        Optional<PersonDates> known = context.personRecords().find(submission.personId())
                .filter(person -> person.start().isPresent());
        if (known.isEmpty()) {
            in.reject(SubmissionField.PERSON_ID, VPN_UNKNOWN_PERSON);
            return;
        }
        PersonDates person = known.get();
        LocalDate date = submission.effectiveDate();
        if (request.action() == VpnAction.GRANT) {
            LocalDate today = LocalDate.now(context.clock().withZone(submission.timeZone()));
            if (person.end().filter(today::isAfter).isPresent()) {
                in.reject(SubmissionField.PERSON_ID, VPN_PERSON_LEFT);
            } else if (person.start().filter(date::isBefore).isPresent()) {
                in.reject(SubmissionField.EFFECTIVE_DATE, BEFORE_START);
            } else if (person.end().filter(date::isAfter).isPresent()) {
                in.reject(SubmissionField.EFFECTIVE_DATE, AFTER_END);
            }
            if (person.currentAgency().filter(agency -> !agency.equals(submission.agency())).isPresent()) {
                in.reject(SubmissionField.AGENCY, VPN_GRANT_AGENCY);
            }
        } else if (!person.agencies().isEmpty() && !person.agencies().contains(submission.agency())) {
            in.reject(SubmissionField.AGENCY, VPN_REVOKE_AGENCY);
        }
    }

    private static Optional<String> againstRecords(EventType type, LocalDate date, PersonDates known) {
        boolean beforeStart = known.start().filter(date::isBefore).isPresent();
        boolean afterEnd = known.end().filter(date::isAfter).isPresent();
        switch (type) {
            case LEAVER:
            case END_DATE_CHANGED:
                return beforeStart ? Optional.of(BEFORE_START) : Optional.empty();
            case START_DATE_CHANGED:
                return afterEnd ? Optional.of(AFTER_END) : Optional.empty();
            case MOVER:
                return beforeStart ? Optional.of(BEFORE_START) : afterEnd ? Optional.of(AFTER_END) : Optional.empty();
            case REHIRE:
                return known.end().filter(end -> !date.isAfter(end)).map(end -> NOT_AFTER_END);
            default:
                return Optional.empty();
        }
    }
}
