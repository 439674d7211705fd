package dev.tenure.access.connector;

/** A change the target did not make; {@code retryable} says whether trying again later can succeed. */
public class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public ConnectorException(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
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
}
