package dev.tenure.audit.sle.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is reported of a case: where it stands, when it is due and when its work was complete ({@code completedAt},
 * null while incomplete, and for a case that had nothing to do). Reported again whenever any of it changes.
 */
public record CaseView(String caseId, Sle sle, String personId, String agency, CaseStatus status,
                       Instant submittedAt, Instant dueAt, Instant completedAt, LocalDate effectiveDate,
                       String timeZone, String correlationId) {
}
