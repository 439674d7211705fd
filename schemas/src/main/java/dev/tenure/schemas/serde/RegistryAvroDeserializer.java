package dev.tenure.schemas.serde;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records written by Apicurio's Avro serializer (magic byte 0, a 4-byte contentId, Avro
 * binary) into one generated class, resolving the writer's schema from the registry by contentId.
 * <p>
 * Why not Apicurio's own deserializer: it finds the class to read into by name through Avro's
 * global {@code SpecificData}, which under Quarkus's test class loaders can find a second copy of
 * the class (ClassCastException); and it loads a configured datum provider by name from its own
 * class loader. This one is given the class, so it reads exactly that class, always.
 */
public class RegistryAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private static final byte MAGIC = 0;
    private static final int HEADER = 5;

    private final Schema readerSchema;
    private final SpecificData model;
    private final String registryApiUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** @param registryApiUrl the registry's v3 API base, e.g. http://127.0.0.1:8085/apis/registry/v3 */
    public RegistryAvroDeserializer(Class<T> type, String registryApiUrl) {
        this.model = modelFor(type);
        this.readerSchema = model.getSchema(type);
        this.registryApiUrl = registryApiUrl.replaceAll("/+$", "");
    }

    /** Avro's model for a generated class: its class loader, and dates and instants as java.time everywhere. */
    static SpecificData modelFor(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        // Also inside unions of nested records, where the generated class's own model does not reach.
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        return model;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER || data[0] != MAGIC) {
            throw new SerializationException("a record on " + topic + " does not start with the registry's framing");
        }
        int contentId = ByteBuffer.wrap(data, 1, 4).getInt();
        Schema writer = writerSchemas.computeIfAbsent(contentId, this::fetchSchema);
        DatumReader<T> reader = readers.computeIfAbsent(writer, w -> new SpecificDatumReader<>(w, readerSchema, model));
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, HEADER, data.length - HEADER, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read a record of " + topic + " written with schema contentId "
                    + contentId + ": " + e.getMessage(), e);
        }
    }

    private Schema fetchSchema(int contentId) {
        URI uri = URI.create(registryApiUrl + "/ids/contentIds/" + contentId);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SerializationException("the registry answered " + response.statusCode() + " for " + uri);
            }
            return new Schema.Parser().parse(response.body());
        } catch (IOException e) {
            throw new SerializationException("the registry at " + uri + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerializationException("interrupted while fetching schema " + contentId, e);
        }
    }
}
