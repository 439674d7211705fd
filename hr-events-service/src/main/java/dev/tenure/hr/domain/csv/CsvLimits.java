package dev.tenure.hr.domain.csv;

/**
 * Bounds on one CSV import: at most {@code maxRows} data rows (the header and blank lines not counted), and at most
 * {@code maxLineLength} characters in one record (a quoted cell may span lines; they all count).
 */
public record CsvLimits(int maxRows, int maxLineLength) {

    public static final CsvLimits DEFAULT = new CsvLimits(100_000, 16_384);

    public CsvLimits {
        if (maxRows < 1 || maxLineLength < 1) {
            throw new IllegalArgumentException("CSV limits must be positive: " + maxRows + ", " + maxLineLength);
        }
    }
}
