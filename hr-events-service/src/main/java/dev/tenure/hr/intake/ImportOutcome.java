package dev.tenure.hr.intake;

import dev.tenure.hr.domain.csv.CsvError;
import dev.tenure.hr.ledger.Receipt;
import java.util.List;

/** How one CSV import ended: all rows published in one transaction, or none. */
public sealed interface ImportOutcome {

    /**
     * One row's result: newly ACCEPTED, or a DUPLICATE of an event accepted before with the same content; its notice,
     * whether it was late and where it is on the topic. The full receipt is at {@code GET /{eventId}}.
     */
    record Row(int line, String eventId, String status, Integer noticeDays, boolean late, int partition, long offset) {

        static Row of(int line, String status, Receipt receipt) {
            return new Row(line, receipt.eventId(), status, receipt.noticeDays(), receipt.lateSubmission(),
                    receipt.partition(), receipt.offset());
        }
    }

    record Accepted(int published, List<Row> rows) implements ImportOutcome {
    }

    record Invalid(List<CsvError> errors) implements ImportOutcome {
    }

    record Forbidden(String reason, List<Integer> lines) implements ImportOutcome {
    }

    record Conflict(List<CsvError> errors) implements ImportOutcome {
    }

    record NotReady(String reason) implements ImportOutcome {
    }
}
