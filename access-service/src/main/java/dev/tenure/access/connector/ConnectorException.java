package dev.tenure.access.connector;

import java.time.Duration;
import java.util.Optional;

/**
 * A change the target did not make; {@code retryable} says whether trying again later can succeed, and
 * {@link #retryAfter()} how long the target asked to be left alone (an HTTP {@code Retry-After}): the executor waits at
 * least that long, or its own backoff if that is longer.
 */
public class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Duration retryAfter;

    public ConnectorException(String reason, boolean retryable, Throwable cause) {
        this(reason, retryable, null, cause);
    }

    private ConnectorException(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Retryable, but not before {@code retryAfter} has passed (the target said so). */
    public static ConnectorException retryableAfter(String reason, Duration retryAfter, Throwable cause) {
        return new ConnectorException(reason, true, retryAfter.isNegative() ? Duration.ZERO : retryAfter, cause);
    }

    public static ConnectorException retryable(String reason, Throwable cause) {
        return new ConnectorException(reason, true, cause);
    }

    public static ConnectorException permanent(String reason, Throwable cause) {
        return new ConnectorException(reason, false, cause);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The least wait the target asked for before the next attempt; empty when it said nothing. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
