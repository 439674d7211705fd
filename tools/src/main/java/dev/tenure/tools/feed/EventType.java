package dev.tenure.tools.feed;

/** The {@code type} of a lifecycle event, as the intake spells it. */
public enum EventType {
    JOINER, MOVER, LEAVER, START_DATE_CHANGED, END_DATE_CHANGED, JOINER_CANCELLED, LEAVER_CANCELLED, REHIRE
}
