package dev.tenure.audit.sle.domain;

/** Where an item of equipment is, in equipment-service's words. */
public enum ItemState {
    UNKNOWN, REQUESTED, ASSIGNED, PREPARED, SHIPPED, DELIVERED, LOCKED, COLLECTION_REQUESTED, COLLECTED, WIPED,
    REDEPLOYED, RETIRED, LOST, STOLEN, CANCELLED;

    /** The state of the same name, or UNKNOWN. */
    public static ItemState named(String name) {
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
