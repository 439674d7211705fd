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
    REHIRE,
    /** A request to grant or revoke a known person's VPN access: an agency DSO's (or an HR system's) request. */
    VPN_ACCESS;

    /** "a JOINER", "an END_DATE_CHANGED": for reasons such as "is required for a JOINER". */
    public String withArticle() {
        return ("AEIOU".indexOf(name().charAt(0)) >= 0 ? "an " : "a ") + name();
    }

    /**
     * Whether the provisioning SLEs expect this event with the minimum notice, so that less notice marks it late. A
     * VPN request has no notice SLE: it follows the account (the user's email must exist first), it does not precede
     * the start or end date.
     */
    public boolean expectsNotice() {
        return this != VPN_ACCESS;
    }
}
