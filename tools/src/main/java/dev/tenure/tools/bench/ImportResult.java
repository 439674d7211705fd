package dev.tenure.tools.bench;

/**
 * One CSV import: {@code rows} events in {@code bytes} of CSV, answered {@code status} after
 * {@code seconds} (from the first byte sent to the whole answer read).
 */
public record ImportResult(int rows, long bytes, int status, double seconds, String sample) {

    public boolean accepted() {
        return status == 202;
    }

    /** Rows per second when the import was accepted, else 0. */
    public double rowsPerSecond() {
        return accepted() && seconds > 0 ? rows / seconds : 0;
    }
}
