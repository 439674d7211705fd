package dev.tenure.audit.sle.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One lifecycle event of one person measured against one SLE.
 *
 * @param caseId         {@code <SLE>:<agency>:<opening event id>}: the SLE and agency first, as in the aggregates' keys, so
 *                       the partition that holds the case (chosen by SLE and agency) follows from its id
 * @param eventIds       the opening event and the corrections applied to it: work caused by any of them is this case's
 * @param effectiveDate  the start, end or move date, in {@code timeZone}
 * @param submittedAt    the submission the notice is measured from (a correction to an earlier date: the correction)
 * @param late           submitted with less notice than required
 * @param tasks          the work seen so far, by task id
 * @param reported       what was last reported (null before the first report)
 * @param revision       how many times it was reported
 */
public record SleCase(String caseId, Sle sle, String personId, String agency, String openingEventId,
                      String correlationId, Set<String> eventIds, LocalDate effectiveDate, String timeZone,
                      Instant submittedAt, Instant dueAt, boolean late, Map<String, CaseTask> tasks,
                      CaseView reported, int revision) {

    public SleCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(sle, "sle");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(openingEventId, "openingEventId");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(dueAt, "dueAt");
        eventIds = Set.copyOf(eventIds == null ? Set.of(openingEventId) : eventIds);
        tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
    }

    public static String caseId(Sle sle, String agency, String openingEventId) {
        return sle.name() + ":" + agency + ":" + openingEventId;
    }

    /** Whether work caused by {@code causationId} (or tied by {@code correlation}) may be this case's. */
    boolean concerns(String causationId, String correlation) {
        return causationId != null && eventIds.contains(causationId)
                || correlation != null && correlation.equals(correlationId);
    }

    SleCase withTask(CaseTask task) {
        Map<String, CaseTask> next = new LinkedHashMap<>(tasks);
        next.put(task.taskId(), task);
        return new SleCase(caseId, sle, personId, agency, openingEventId, correlationId, eventIds, effectiveDate,
                timeZone, submittedAt, dueAt, late, next, reported, revision);
    }

    SleCase withoutTask(String taskId) {
        if (!tasks.containsKey(taskId)) {
            return this;
        }
        Map<String, CaseTask> next = new LinkedHashMap<>(tasks);
        next.remove(taskId);
        return new SleCase(caseId, sle, personId, agency, openingEventId, correlationId, eventIds, effectiveDate,
                timeZone, submittedAt, dueAt, late, next, reported, revision);
    }

    /** Corrected by {@code eventId} to a new date, due time and notice. */
    SleCase correctedTo(String eventId, LocalDate date, Instant due, Instant noticeFrom, boolean isLate) {
        Set<String> ids = new LinkedHashSet<>(eventIds);
        ids.add(eventId);
        return new SleCase(caseId, sle, personId, agency, openingEventId, correlationId, ids, date, timeZone,
                noticeFrom, due, isLate, tasks, reported, revision);
    }

    SleCase withReported(CaseView view) {
        return new SleCase(caseId, sle, personId, agency, openingEventId, correlationId, eventIds, effectiveDate,
                timeZone, submittedAt, dueAt, late, tasks, view, revision + 1);
    }
}
