package dev.tenure.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.RawMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro binary of one generated class without the registry's framing: for {@code TopologyTestDriver} tests about logic
 * (no registry there). Avro is {@code provided} here: the test's module has it already (the schemas' classes).
 */
public final class PlainAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final RawMessageEncoder<T> writer;
    private final SpecificDatumReader<T> reader;

    public PlainAvroSerde(Class<T> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        Schema schema = model.getSchema(type);
        this.writer = new RawMessageEncoder<>(model, schema); // the datum's binary encoding, nothing around it
        this.reader = new SpecificDatumReader<>(schema, schema, model);
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }

    private byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.encode(value, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
