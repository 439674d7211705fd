package dev.tenure.equipment.desk;

import java.util.List;

/** A bulk update with at least one step that cannot be recorded: none was published. */
public class BulkRefusedException extends Exception {

    /** One refused row (0-based index in the request's list). */
    public record Row(int index, StepRefusedException refusal) {
    }

    private final List<Row> rows;

    public BulkRefusedException(List<Row> rows) {
        super(rows.size() + " of the steps cannot be recorded; none was");
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }
}
