package dev.tenure.audit.sle.domain;

import java.util.OptionalDouble;

/**
 * The cases of one aggregate by status. {@code total} is every case in it, late submissions included; compliance
 * is {@code met / (met + missed)}: pending cases are not decided yet, late submissions are reported apart.
 */
public record ComplianceCounts(long total, long met, long missed, long pending, long lateSubmissions) {

    public static final ComplianceCounts NONE = new ComplianceCounts(0, 0, 0, 0, 0);

    /** One case of {@code status}, counted {@code times} times (−1 takes it out). */
    public static ComplianceCounts of(CaseStatus status, int times) {
        return new ComplianceCounts(times,
                status == CaseStatus.MET ? times : 0,
                status == CaseStatus.MISSED ? times : 0,
                status == CaseStatus.PENDING ? times : 0,
                status == CaseStatus.LATE_SUBMISSION ? times : 0);
    }

    public ComplianceCounts plus(ComplianceCounts other) {
        return new ComplianceCounts(total + other.total, met + other.met, missed + other.missed,
                pending + other.pending, lateSubmissions + other.lateSubmissions);
    }

    public boolean isZero() {
        return equals(NONE);
    }

    /** The decided cases met, or empty while none is decided. */
    public OptionalDouble compliance() {
        long decided = met + missed;
        return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) met / decided);
    }
}
