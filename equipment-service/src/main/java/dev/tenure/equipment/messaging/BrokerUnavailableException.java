package dev.tenure.equipment.messaging;

/** The broker did not take or confirm a record in time: nothing was submitted. */
public class BrokerUnavailableException extends Exception {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
