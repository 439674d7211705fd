package dev.tenure.audit.sle.domain;

/** What happened to an item of equipment, in equipment-service's words. */
public enum ItemChange {
    UNKNOWN, REQUESTED, ASSIGNED, PREPARED, SHIPPED, DELIVERED, LOCK_SCHEDULED, LOCK_CANCELLED, LOCKED, UNLOCKED,
    COLLECTION_REQUESTED, COLLECTED, WIPED, REDEPLOYED, RETIRED, LOST, STOLEN, CANCELLED, DUE_DATE_MOVED, ALERT_RAISED;

    /** The change of the same name, or UNKNOWN. */
    public static ItemChange named(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }
}
