package dev.tenure.tools.feed;

/** An attribute of a position that a move changes ({@code changedAttributes}). */
public enum PositionAttribute {
    AGENCY, DEPARTMENT, JOB, LOCATION, MANAGER, EMPLOYMENT_TYPE, TIME_ZONE
}
