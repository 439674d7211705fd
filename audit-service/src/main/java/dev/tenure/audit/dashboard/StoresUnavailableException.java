package dev.tenure.audit.dashboard;

/** The SLE stores cannot be read now (starting, rebalancing, a peer down): answered with 503 and Retry-After. */
public class StoresUnavailableException extends RuntimeException {

    public StoresUnavailableException(String message) {
        super(message);
    }

    public StoresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
