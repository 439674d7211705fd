package dev.tenure.access.connector;

import java.util.Objects;

/**
 * What a command did: {@link Kind#CHANGED} when the target was changed now; {@link Kind#ALREADY_SO} when it already was
 * as commanded (a replay, a duplicate, or someone did it by hand); {@link Kind#WAITING_FOR_HUMAN} when a person has to
 * make the change (a manual task was opened, or is still open): the executor reports it as waiting, and the person's
 * answer is reported when they give it. {@code detail} names what was touched, for the outcome event (e.g. the
 * account's sAMAccountName or DN, the task id and queue), without personal data beyond identifiers.
 */
public record ChangeResult(Kind kind, String detail) {

    /** The three ends of a command. */
    public enum Kind {
        CHANGED,
        ALREADY_SO,
        WAITING_FOR_HUMAN
    }

    public ChangeResult {
        Objects.requireNonNull(kind, "kind");
    }

    public static ChangeResult changed(String detail) {
        return new ChangeResult(Kind.CHANGED, detail);
    }

    public static ChangeResult alreadySo(String detail) {
        return new ChangeResult(Kind.ALREADY_SO, detail);
    }

    /** A person must make the change; {@code detail} says where it waits (task id, queue). */
    public static ChangeResult waitingForHuman(String detail) {
        return new ChangeResult(Kind.WAITING_FOR_HUMAN, detail);
    }

    /** Whether the target was changed now. */
    public boolean changed() {
        return kind == Kind.CHANGED;
    }

    public boolean waitingForHuman() {
        return kind == Kind.WAITING_FOR_HUMAN;
    }
}
