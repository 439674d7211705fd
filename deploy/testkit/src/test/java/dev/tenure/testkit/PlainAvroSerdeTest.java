package dev.tenure.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class PlainAvroSerdeTest {

    private final PlainAvroSerde<AvroSample> serde = new PlainAvroSerde<>(AvroSample.class);

    @Test
    void shouldWriteTheDatumsBinaryEncodingAloneAndReadItBack() throws Exception {
        AvroSample sample = new AvroSample("P000001", LocalDate.of(2027, 1, 4), Instant.parse("2027-01-04T14:03:27.123Z"));

        byte[] bytes = serde.serializer().serialize("any-topic", sample);

        assertThat(bytes).isEqualTo(plainBinary(sample)); // no magic byte, no schema id or fingerprint
        AvroSample back = serde.deserializer().deserialize("any-topic", bytes);
        assertThat(back.personId).isEqualTo("P000001");
        assertThat(back.day).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(back.at).isEqualTo(Instant.parse("2027-01-04T14:03:27.123Z"));
    }

    @Test
    void shouldPassATombstoneThrough() {
        assertThat(serde.serializer().serialize("any-topic", null)).isNull();
        assertThat(serde.deserializer().deserialize("any-topic", null)).isNull();
    }

    private static byte[] plainBinary(AvroSample sample) throws Exception {
        SpecificData model = new SpecificData(AvroSample.class.getClassLoader());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<AvroSample>(AvroSample.SCHEMA$, model).write(sample, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
