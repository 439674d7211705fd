package dev.tenure.hr.domain;

/** The kind of lifecycle event a submission carries: the wire field {@code type}. */
public enum EventType {
    JOINER,
    MOVER,
    LEAVER,
    START_DATE_CHANGED,
    END_DATE_CHANGED,
    JOINER_CANCELLED,
    LEAVER_CANCELLED,
    REHIRE;

    /** "a JOINER", "an END_DATE_CHANGED": for reasons such as "is required for a JOINER". */
    public String withArticle() {
        return ("AEIOU".indexOf(name().charAt(0)) >= 0 ? "an " : "a ") + name();
    }
}
