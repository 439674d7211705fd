package dev.tenure.hr.intake;

import dev.tenure.hr.domain.csv.CsvError;
import dev.tenure.hr.ledger.Receipt;
import java.util.List;

/** How one CSV import ended: all rows published in one transaction, or none. */
public sealed interface ImportOutcome {

    /** One row's result: newly ACCEPTED, or a DUPLICATE of an event accepted before with the same content. */
    record Row(int line, String status, Receipt receipt) {
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
