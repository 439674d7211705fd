package dev.tenure.access.streams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tenure.access.planning.PersonAccess;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The planner's per-person state in its store and changelog, as JSON: internal to access-service (no other service
 * reads the changelog), readable when debugging, and tolerant of fields added later.
 */
final class PersonAccessSerde implements Serde<PersonAccess> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public Serializer<PersonAccess> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(state);
            } catch (IOException e) {
                throw new SerializationException("cannot write the access state of " + state.personId(), e);
            }
        };
    }

    @Override
    public Deserializer<PersonAccess> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, PersonAccess.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read an access state from " + topic, e);
            }
        };
    }
}
