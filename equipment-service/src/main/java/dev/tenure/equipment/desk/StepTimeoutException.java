package dev.tenure.equipment.desk;

/** The step was submitted but its outcome did not come back in time: it may still be applied; look before retrying. */
public class StepTimeoutException extends Exception {

    public StepTimeoutException(String message) {
        super(message);
    }
}
