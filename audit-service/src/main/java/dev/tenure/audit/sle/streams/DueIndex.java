package dev.tenure.audit.sle.streams;

import java.time.Instant;

/**
 * Keys of the time index of people with something due: {@code <15-digit epoch millis>|<personId>}, so the store's
 * byte order is time order and "everyone due by now" is one range scan.
 */
final class DueIndex {

    private static final String SEPARATOR = "|";

    private DueIndex() {
    }

    static String key(Instant due, String personId) {
        return String.format("%015d", Math.max(0, due.toEpochMilli())) + SEPARATOR + personId;
    }

    static String first() {
        return String.format("%015d", 0) + SEPARATOR;
    }

    /** The last possible key due at or before {@code now}. */
    static String lastDueBy(Instant now) {
        return String.format("%015d", Math.max(0, now.toEpochMilli())) + SEPARATOR + "\uffff";
    }
}
