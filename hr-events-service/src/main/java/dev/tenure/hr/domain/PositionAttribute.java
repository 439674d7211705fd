package dev.tenure.hr.domain;

/** An attribute of a position that a move can change (the wire field {@code changedAttributes}). */
public enum PositionAttribute {
    AGENCY,
    DEPARTMENT,
    JOB,
    LOCATION,
    MANAGER,
    EMPLOYMENT_TYPE,
    TIME_ZONE
}
