package dev.tenure.schemas.registry;

/** The registry refused a request, or could not be reached; the message carries the registry's reason. */
public class SchemaRegistrationException extends RuntimeException {

    /** Used when no HTTP answer was received. */
    public static final int NO_RESPONSE = -1;

    private final int status;

    public SchemaRegistrationException(String message, int status) {
        super(message);
        this.status = status;
    }

    public SchemaRegistrationException(String message, Throwable cause) {
        super(message, cause);
        this.status = NO_RESPONSE;
    }

    /** The registry's HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }
}
