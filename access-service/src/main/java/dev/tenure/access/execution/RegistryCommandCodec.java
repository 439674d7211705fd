package dev.tenure.access.execution;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;

/** The registry's framing (Apicurio contentId + Avro binary), through the project's own serdes. */
final class RegistryCommandCodec implements CommandCodec {

    private final RegistryAvroDeserializer<AccessCommand> commands;
    private final RegistryAvroSerializer<AccessEvent> events;

    RegistryCommandCodec(String registryUrl) {
        this.commands = new RegistryAvroDeserializer<>(AccessCommand.class, registryUrl);
        this.events = new RegistryAvroSerializer<>(Topics.ACCESS_EVENTS, registryUrl);
    }

    @Override
    public AccessCommand readCommand(String topic, byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        try {
            return commands.deserialize(topic, value);
        } catch (SerializationException e) {
            if (registryUnavailable(e)) {
                throw new TransientReadException(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public byte[] writeOutcome(String topic, AccessEvent event) {
        return events.serialize(topic, event);
    }

    /**
     * The writer's schema could not be fetched (registry unreachable or not answering 200): the record may well be
     * readable once the registry is back. A record without the framing, or that does not decode, never will be.
     */
    private static boolean registryUnavailable(SerializationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith("the registry ") || message.startsWith("interrupted while fetching schema");
    }
}
