package dev.tenure.access.execution;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;

/** Between the bytes on the topics and the Avro records the executor reads and writes. */
public interface CommandCodec {

    /**
     * The command in {@code value}. Throws {@link TransientReadException} when it cannot be read <em>yet</em> (the
     * schema registry does not answer), any other runtime exception when it can never be read as a command.
     */
    AccessCommand readCommand(String topic, byte[] value);

    /** The outcome event's bytes; a runtime exception when they cannot be written now (e.g. registry down). */
    byte[] writeOutcome(String topic, AccessEvent event);

    /** A record that may be readable later: worth retrying, not dead-lettering. */
    final class TransientReadException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public TransientReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
