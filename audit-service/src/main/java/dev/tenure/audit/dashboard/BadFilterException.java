package dev.tenure.audit.dashboard;

/** A query parameter the dashboard cannot use: answered with 400, naming the parameter and what it accepts. */
public class BadFilterException extends RuntimeException {

    private final String parameter;

    public BadFilterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
