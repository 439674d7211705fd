package dev.tenure.hr.rest;

import dev.tenure.hr.ledger.Receipt;
import java.time.Instant;
import java.time.LocalDate;

/** A receipt as the API shows it. */
public record ReceiptView(String eventId, String personId, String type, String agency, String submittedBy,
                          Instant acceptedAt, LocalDate effectiveDate, Integer noticeDays, boolean late,
                          int partition, long offset) {

    static ReceiptView of(Receipt r) {
        return new ReceiptView(r.eventId(), r.personId(), r.type(), r.agency(), r.submittedBy(), r.acceptedAt(),
                r.effectiveDate(), r.noticeDays(), r.lateSubmission(), r.partition(), r.offset());
    }
}
