package dev.tenure.hr.domain.csv;

import dev.tenure.hr.domain.LifecycleSubmission;
import java.util.Objects;

/** A valid row of a CSV import: the line it starts on, and its submission. */
public record CsvSubmission(int line, LifecycleSubmission submission) {

    public CsvSubmission {
        Objects.requireNonNull(submission, "submission");
    }
}
