package dev.tenure.equipment.domain;

/** Where an item is in its life with a person. */
public enum ItemState {
    /** Requested by a rule; no asset chosen yet. */
    REQUESTED,
    /** An asset (tag and serial) is set aside for it. */
    ASSIGNED,
    /** Imaged and set up (a badge: printed and encoded). */
    PREPARED,
    SHIPPED,
    DELIVERED,
    /** Locked from afar at a leaver's cut-off; collection follows at once. */
    LOCKED,
    COLLECTION_REQUESTED,
    COLLECTED,
    WIPED,
    REDEPLOYED,
    RETIRED,
    LOST,
    STOLEN,
    /** The request was withdrawn before the item shipped. */
    CANCELLED;

    public boolean isTerminal() {
        return this == REDEPLOYED || this == RETIRED || this == LOST || this == STOLEN || this == CANCELLED;
    }

    /** Not shipped yet: can still be cancelled without anything coming back. */
    public boolean isBeforeShipping() {
        return this == REQUESTED || this == ASSIGNED || this == PREPARED;
    }

    /** On its way to or with the person. */
    public boolean isWithPerson() {
        return this == SHIPPED || this == DELIVERED;
    }

    /** Part of what the person has or will get (not on its way back, not finished). */
    public boolean isHeld() {
        return isBeforeShipping() || isWithPerson();
    }
}
