package dev.tenure.hr.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the intake accepted before about one person: the latest start date and end date. Either may be {@code null}
 * when not known (no joiner seen, or no leaver yet).
 */
public record PersonDates(LocalDate startDate, LocalDate endDate) {

    public static PersonDates startedOn(LocalDate startDate) {
        return new PersonDates(startDate, null);
    }

    public Optional<LocalDate> start() {
        return Optional.ofNullable(startDate);
    }

    public Optional<LocalDate> end() {
        return Optional.ofNullable(endDate);
    }
}
