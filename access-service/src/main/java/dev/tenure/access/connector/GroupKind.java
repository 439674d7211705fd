package dev.tenure.access.connector;

/** A security group grants permissions; a distribution list only receives mail (AD tells them by groupType). */
public enum GroupKind {
    SECURITY,
    DISTRIBUTION
}
