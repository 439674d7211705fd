package dev.tenure.hr.domain;

/** The kind of engagement a position is held under. */
public enum EmploymentType {
    EMPLOYEE,
    CONTRACTOR,
    INTERN,
    TEMPORARY,
    VOLUNTEER
}
