package dev.tenure.tools.feed;

import java.util.Objects;

/**
 * Who submits an event: the HR system, or the named Designated Provisioning Coordinator of the
 * event's agency (a coordinator's token carries that agency; the intake lets it submit for no other).
 */
public record Submitter(Kind kind, String principal, String agency) {

    /** The two kinds of submitting party. */
    public enum Kind {
        HRIS, COORDINATOR
    }

    public Submitter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principal, "principal");
        if (kind == Kind.COORDINATOR && agency == null) {
            throw new IllegalArgumentException("a coordinator submits for an agency");
        }
    }

    public static Submitter hris(String principal) {
        return new Submitter(Kind.HRIS, principal, null);
    }

    public static Submitter coordinator(String principal, String agency) {
        return new Submitter(Kind.COORDINATOR, principal, agency);
    }
}
