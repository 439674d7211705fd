package dev.tenure.peers;

/**
 * A peer (broker, registry, service) could not be started or reached. The message is one line
 * that says what is wrong and what to do about it, fit to print to an operator as it is.
 */
public class PeerException extends RuntimeException {

    public PeerException(String message) {
        super(message);
    }

    public PeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
