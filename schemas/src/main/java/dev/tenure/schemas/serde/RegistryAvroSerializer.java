package dev.tenure.schemas.serde;

import dev.tenure.schemas.registry.SchemaRegistrar;
import dev.tenure.schemas.topics.TopicSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes one topic's records in the registry's framing (magic byte 0, the 4-byte contentId of
 * the topic's registered schema, Avro binary), as Apicurio's serializer does, but resolves the
 * schema once — by registering it with {@link SchemaRegistrar}, which finds the existing version —
 * instead of working out the schema's identity again for every record.
 */
public class RegistryAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final TopicSpec<T> topic;
    private final String registryApiUrl;
    private final SpecificDatumWriter<T> writer;
    private volatile byte[] header;

    public RegistryAvroSerializer(TopicSpec<T> topic, String registryApiUrl) {
        this.topic = topic;
        this.registryApiUrl = registryApiUrl;
        this.writer = new SpecificDatumWriter<>(topic.valueSchema(), RegistryAvroDeserializer.modelFor(topic.valueType()));
    }

    @Override
    public byte[] serialize(String topicName, T record) {
        if (record == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(header());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write a record of " + topicName + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private byte[] header() {
        byte[] current = header;
        if (current == null) {
            synchronized (this) {
                if (header == null) {
                    long contentId = new SchemaRegistrar(registryApiUrl).register(topic).contentId();
                    header = ByteBuffer.allocate(5).put((byte) 0).putInt((int) contentId).array();
                }
                current = header;
            }
        }
        return current;
    }
}
