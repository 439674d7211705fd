package dev.tenure.schemas.serde;

import dev.tenure.schemas.registry.SchemaRegistrar;
import dev.tenure.schemas.topics.TopicSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
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
    private final DatumWriter<T> writer;
    private volatile byte[] header;

    public RegistryAvroSerializer(TopicSpec<T> topic, String registryApiUrl) {
        this(topic, registryApiUrl,
                new SpecificDatumWriter<>(topic.valueSchema(), RegistryAvroDeserializer.modelFor(topic.valueType())));
    }

    /**
     * With a writer of one's own for the topic's schema (a hand-written one for a record written very often); it must
     * write exactly what Avro's {@code SpecificDatumWriter} would.
     */
    public RegistryAvroSerializer(TopicSpec<T> topic, String registryApiUrl, DatumWriter<T> writer) {
        this.topic = topic;
        this.registryApiUrl = registryApiUrl;
        this.writer = writer;
    }

    @Override
    public byte[] serialize(String topicName, T record) {
        if (record == null) {
            return null;
        }
        // A buffered encoder and its output, kept per thread: the direct encoder wrote byte by byte into a
        // synchronized stream, and a planner writes several records per event. One serializer may serve several
        // threads (a Kafka Streams sink is shared by its stream threads), hence per thread, not per instance.
        Scratch scratch = SCRATCH.get();
        scratch.out.reset();
        scratch.out.writeBytes(header());
        scratch.encoder = EncoderFactory.get().binaryEncoder(scratch.out, scratch.encoder);
        try {
            writer.write(record, scratch.encoder);
            scratch.encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Reusing it would flush the failed record's partial bytes into the next one.
            scratch.encoder = null;
            throw new SerializationException("cannot write a record of " + topicName + ": " + e.getMessage(), e);
        }
        return scratch.out.toByteArray();
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** One thread's reusable output and encoder. */
    private static final class Scratch {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
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
