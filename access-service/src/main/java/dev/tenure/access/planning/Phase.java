package dev.tenure.access.planning;

/** Where a person's account is in its life, as far as the milestones that already fired took it. */
public enum Phase {
    /** No joiner seen, or a cancelled joiner: no account planned. */
    NONE,
    /** The account exists, disabled, before the start date. */
    PREPARED,
    /** The account is enabled. */
    ACTIVE,
    /** Cut off: disabled, nothing granted; waiting for the retention window. */
    LEFT,
    /** Deleted after the retention window. */
    DELETED
}
