package dev.tenure.schemas.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/** equipment-events' value evolved from its first version without breaking readers (BACKWARD, no registry needed). */
class EquipmentEventEvolutionTest {

    @Test
    void shouldReadRecordsWrittenWithTheFirstVersion() throws IOException {
        // Given the first version of the schema, as it was registered before this one
        Schema first = firstVersion();

        // Then today's schema, as a reader, is compatible with it as a writer
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(EquipmentEvent.getClassSchema(), first).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldFillTheNewFieldsWithTheirDefaultsWhenReadingAFirstVersionRecord() throws IOException {
        // Given a record written with the first version
        Schema first = firstVersion();
        GenericRecord old = new GenericData.Record(first);
        old.put("eventId", "e-1");
        old.put("occurredAt", Instant.parse("2027-03-01T12:00:00Z").toEpochMilli());
        old.put("correlationId", "c-1");
        old.put("source", "equipment-service");
        old.put("personId", "p-1");
        old.put("agency", "DOR");
        old.put("itemType", new GenericData.EnumSymbol(first.getField("itemType").schema(), "LAPTOP"));
        old.put("state", new GenericData.EnumSymbol(first.getField("state").schema(), "SHIPPED"));
        old.put("actor", "equipment-service");

        // When today's generated class reads it
        EquipmentEvent read = read(write(old, first), first);

        // Then what it held is kept and every new field has its default
        assertThat(read.getState()).isEqualTo(EquipmentState.SHIPPED);
        assertThat(read.getItemType()).isEqualTo(EquipmentType.LAPTOP);
        assertThat(read.getChange()).isEqualTo(EquipmentChange.UNKNOWN);
        assertThat(read.getItemId()).isNull();
        assertThat(read.getPreviousState()).isNull();
        assertThat(read.getSite()).isNull();
    }

    static Schema firstVersion() throws IOException {
        try (InputStream in = EquipmentEventEvolutionTest.class.getResourceAsStream("/evolution/EquipmentEvent-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static byte[] write(GenericRecord record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static EquipmentEvent read(byte[] bytes, Schema writer) throws IOException {
        return new SpecificDatumReader<EquipmentEvent>(writer, EquipmentEvent.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
