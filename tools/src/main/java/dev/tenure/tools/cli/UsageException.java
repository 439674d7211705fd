package dev.tenure.tools.cli;

/** A command line that cannot be run as given; the tools print the message and their usage. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
