package dev.tenure.hr.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the intake answers for an accepted event, now and on any later lookup or resubmission:
 * what was accepted, when, its notice, and where it is on the topic.
 */
public record Receipt(String eventId, String personId, String type, String agency, String submittedBy,
                      Instant acceptedAt, LocalDate effectiveDate, Integer noticeDays, boolean lateSubmission,
                      String contentDigest, int partition, long offset) {
}
