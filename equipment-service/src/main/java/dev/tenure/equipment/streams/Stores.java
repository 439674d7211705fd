package dev.tenure.equipment.streams;

/** The names of the topology's state stores (their changelog topics are named after them). */
public final class Stores {

    /** person id → PersonEquipment: everything known about a person's items. */
    public static final String PEOPLE = "equipment-people";
    /** "dueEpochMillis|personId" → person id: when each person's next timer is due, in time order. */
    public static final String TIMERS = "equipment-timers";
    /** asset tag (upper case) → "personId/itemId" of the item that has it while in use. */
    public static final String ASSETS = "equipment-assets";

    private Stores() {
    }

    static String timerKey(java.time.Instant due, String personId) {
        return String.format("%019d|%s", Math.max(0, due.toEpochMilli()), personId);
    }

    static String assetKey(String assetTag) {
        return assetTag.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
