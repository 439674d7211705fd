package dev.tenure.audit.sle.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a case's change moves the aggregates: its old status comes out of the week and month it was counted in, its new
 * status goes into the week and month of its (possibly corrected) date. A repeated report of the same status moves
 * nothing, so no case is ever counted twice.
 */
public final class ComplianceTally {

    private ComplianceTally() {
    }

    /** What a case counts as: its SLE, agency, date and status. */
    public record Counted(Sle sle, String agency, LocalDate effectiveDate, CaseStatus status) {

        public static Counted of(CaseView view) {
            return view == null ? null : new Counted(view.sle(), view.agency(), view.effectiveDate(), view.status());
        }
    }

    /** The change per aggregate when a case goes from {@code before} to {@code after} (either may be null). */
    public static Map<ComplianceKey, ComplianceCounts> change(Counted before, Counted after) {
        Map<ComplianceKey, ComplianceCounts> deltas = new LinkedHashMap<>();
        if (before != null && before.equals(after)) {
            return deltas;
        }
        if (before != null) {
            add(deltas, before, -1);
        }
        if (after != null) {
            add(deltas, after, 1);
        }
        deltas.values().removeIf(ComplianceCounts::isZero);
        return deltas;
    }

    private static void add(Map<ComplianceKey, ComplianceCounts> deltas, Counted counted, int times) {
        for (Period period : Period.containing(counted.effectiveDate())) {
            deltas.merge(new ComplianceKey(counted.sle(), counted.agency(), period),
                    ComplianceCounts.of(counted.status(), times), ComplianceCounts::plus);
        }
    }
}
