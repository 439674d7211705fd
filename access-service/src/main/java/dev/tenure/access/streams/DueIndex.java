package dev.tenure.access.streams;

import java.time.Instant;

/**
 * Keys of the time index of pending milestones: {@code <15-digit epoch millis>|<personId>}, so the store's byte
 * order is time order and "everything due by now" is one range scan.
 */
final class DueIndex {

    private static final String SEPARATOR = "|";

    private DueIndex() {
    }

    static String key(Instant due, String personId) {
        return millis(due) + SEPARATOR + personId;
    }

    static String first() {
        return millis(Instant.EPOCH) + SEPARATOR;
    }

    /** The last possible key due at or before {@code now}. */
    static String lastDueBy(Instant now) {
        return millis(now) + SEPARATOR + "\uffff";
    }

    /** Epoch millis, zero-padded to 15 digits (as {@code %015d}, without String.format's cost on every event). */
    private static String millis(Instant at) {
        String digits = Long.toString(Math.max(0, at.toEpochMilli()));
        return "0".repeat(Math.max(0, 15 - digits.length())) + digits;
    }

    static String personOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
