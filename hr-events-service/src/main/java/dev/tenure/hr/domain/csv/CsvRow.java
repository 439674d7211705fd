package dev.tenure.hr.domain.csv;

import java.util.Map;

/**
 * One data row of a CSV import: the physical line it starts on (the header is line 1), and its non-empty cells by
 * column name, as {@link dev.tenure.hr.domain.SubmissionValidator} reads them (a String each, or a List of Strings
 * for changedAttributes).
 */
public record CsvRow(int line, Map<String, Object> fields) {

    public CsvRow {
        fields = Map.copyOf(fields);
    }
}
