package dev.tenure.hr.messaging;

/** The broker did not confirm a record in time: nothing may be acknowledged; the caller retries. */
public class BrokerUnavailableException extends Exception {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
