package dev.tenure.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.SampleHrEvents;
import dev.tenure.schemas.hr.StartDateChanged;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryAvroDeserializerTest {

    private static final int CONTENT_ID = 42;
    private HttpServer registry;

    @BeforeEach
    void startARegistryThatKnowsOneSchema() throws Exception {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/apis/registry/v3/ids/contentIds/" + CONTENT_ID, exchange -> {
            byte[] schema = HrLifecycleEvent.getClassSchema().toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, schema.length);
            exchange.getResponseBody().write(schema);
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    @Test
    void shouldReadDatesInsideUnionsOfNestedRecordsAsLocalDates() throws Exception {
        HrLifecycleEvent event = HrLifecycleEvent.newBuilder(SampleHrEvents.joiner(SampleHrEvents.PERSON_ID))
                .setPayload(StartDateChanged.newBuilder().setPreviousStartDate(LocalDate.of(2027, 3, 1))
                        .setNewStartDate(LocalDate.of(2027, 3, 8)).build())
                .build();

        HrLifecycleEvent read = deserializer().deserialize("hr-lifecycle-events", framed(event));

        assertThat(read).isEqualTo(event);
        assertThat(((StartDateChanged) read.getPayload()).getPreviousStartDate()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void shouldRefuseBytesWithoutTheRegistryFraming() {
        assertThatThrownBy(() -> deserializer().deserialize("hr-lifecycle-events", new byte[] {1, 2, 3, 4, 5, 6}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("framing");
    }

    private RegistryAvroDeserializer<HrLifecycleEvent> deserializer() {
        return new RegistryAvroDeserializer<>(HrLifecycleEvent.class,
                "http://127.0.0.1:" + registry.getAddress().getPort() + "/apis/registry/v3");
    }

    private static byte[] framed(HrLifecycleEvent event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(CONTENT_ID).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(HrLifecycleEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
