package dev.tenure.hr.domain;

import dev.tenure.hr.domain.LifecycleSubmission.DateChange;
import dev.tenure.hr.domain.LifecycleSubmission.Leave;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Checks a submission's dates against today (in the person's zone) and what was accepted before about the person. */
final class TimelineRules {

    static final String BEFORE_START = "must not be before the person's start date";
    static final String AFTER_END = "must not be after the person's end date";
    static final String NOT_AFTER_END = "must be after the person's end date for a REHIRE";
    static final String IMMEDIATE_IN_FUTURE = "must be today or earlier for an immediate termination";
    static final String SAME_AS_NEW = "must differ from effectiveDate";

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
        context.personRecords().find(submission.personId())
                .flatMap(known -> againstRecords(submission.type(), date, known))
                .ifPresent(reason -> in.reject(SubmissionField.EFFECTIVE_DATE, reason));
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
