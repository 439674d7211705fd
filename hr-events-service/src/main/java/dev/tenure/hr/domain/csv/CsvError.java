package dev.tenure.hr.domain.csv;

import java.util.Objects;

/**
 * One problem in a CSV import: the physical line (the header is line 1), the column or field it concerns ({@code
 * null} when it concerns the whole line or file), and a short reason.
 */
public record CsvError(int line, String column, String reason) {

    public CsvError {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", " + column) + ": " + reason;
    }
}
