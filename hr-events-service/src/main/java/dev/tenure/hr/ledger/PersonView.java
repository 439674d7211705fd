package dev.tenure.hr.ledger;

import dev.tenure.schemas.hr.Position;
import java.time.LocalDate;

/** What the intake knows of a person from the events it accepted: dates and current position. */
public record PersonView(LocalDate startDate, LocalDate endDate, Position position) {

    static final PersonView UNKNOWN = new PersonView(null, null, null);

    PersonView withStart(LocalDate start) {
        return new PersonView(start, endDate, position);
    }

    PersonView withEnd(LocalDate end) {
        return new PersonView(startDate, end, position);
    }

    PersonView withPosition(Position newPosition) {
        return new PersonView(startDate, endDate, newPosition);
    }
}
