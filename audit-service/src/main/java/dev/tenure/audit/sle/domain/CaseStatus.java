package dev.tenure.audit.sle.domain;

/** Where a case stands against its SLE. */
public enum CaseStatus {
    /** Its due time has not come yet (it may already be complete: see its completion time). */
    PENDING,
    /** Complete before its due time. */
    MET,
    /** Its due time passed and it was not complete before it. */
    MISSED,
    /** Submitted with less notice than required: reported, not counted against the SLE. */
    LATE_SUBMISSION
}
