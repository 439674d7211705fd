package dev.tenure.tools.feed;

/** The kind of engagement a position is held under. */
public enum EmploymentType {
    EMPLOYEE, CONTRACTOR, INTERN, TEMPORARY, VOLUNTEER
}
