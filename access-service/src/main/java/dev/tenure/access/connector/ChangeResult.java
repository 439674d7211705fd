package dev.tenure.access.connector;

/**
 * What a command did: {@code changed} when the target was changed now, false when it already was as commanded
 * (a replay, a duplicate, or someone did it by hand). {@code detail} names what was touched, for the outcome event
 * (e.g. the account's sAMAccountName or DN), without personal data beyond identifiers.
 */
public record ChangeResult(boolean changed, String detail) {

    public static ChangeResult changed(String detail) {
        return new ChangeResult(true, detail);
    }

    public static ChangeResult alreadySo(String detail) {
        return new ChangeResult(false, detail);
    }
}
