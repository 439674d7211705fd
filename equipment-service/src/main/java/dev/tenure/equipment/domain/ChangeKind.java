package dev.tenure.equipment.domain;

/**
 * What happened to an item. Most changes move it to the state of the same name; {@link #LOCK_SCHEDULED},
 * {@link #LOCK_CANCELLED} and {@link #DUE_DATE_MOVED} only set its due date; {@link #ALERT_RAISED} follows a loss or
 * theft; {@link #UNLOCKED} returns a locked item to the person when their leaver is withdrawn.
 */
public enum ChangeKind {
    REQUESTED, ASSIGNED, PREPARED, SHIPPED, DELIVERED, LOCK_SCHEDULED, LOCK_CANCELLED, LOCKED, UNLOCKED,
    COLLECTION_REQUESTED, COLLECTED, WIPED, REDEPLOYED, RETIRED, LOST, STOLEN, CANCELLED, DUE_DATE_MOVED, ALERT_RAISED
}
