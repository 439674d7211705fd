package dev.tenure.equipment.streams;

/** The state cannot be read now (starting, restoring after a restart, rebalancing): try again shortly. */
public class StateUnavailableException extends Exception {

    public StateUnavailableException(String message) {
        super(message);
    }
}
