package dev.tenure.hr.domain.csv;

import dev.tenure.hr.domain.LifecycleSubmission;
import java.util.List;

/**
 * The outcome of validating a CSV import, all or nothing: every row's submission in file order when the whole file
 * is valid; otherwise no submission, and every error of every bad line (syntax, header, field, duplicate eventId)
 * ordered by line.
 */
public record CsvImport(List<CsvSubmission> accepted, List<CsvError> errors) {

    public CsvImport {
        accepted = List.copyOf(accepted);
        errors = List.copyOf(errors);
        if (!accepted.isEmpty() && !errors.isEmpty()) {
            throw new IllegalArgumentException("a CSV import is accepted whole or not at all");
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The submissions in file order (empty when invalid). */
    public List<LifecycleSubmission> submissions() {
        return accepted.stream().map(CsvSubmission::submission).toList();
    }
}
