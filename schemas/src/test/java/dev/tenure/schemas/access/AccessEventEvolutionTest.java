package dev.tenure.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * access-events' value gained the manual-task actions (assigned, reminded, escalated) at the end of AccessAction:
 * today's readers read the records written before, and a reader of the previous version reads a new action as its
 * default, UNKNOWN, instead of failing.
 */
class AccessEventEvolutionTest {

    @Test
    void shouldReadRecordsWrittenWithThePreviousVersion() throws IOException {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(AccessEvent.getClassSchema(), previous())
                .getType()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldLetAPreviousReaderSeeANewActionAsUnknown() throws IOException {
        // Given an escalation written with today's schema
        AccessEvent escalated = new AccessEvent("e-1", Instant.parse("2027-07-05T21:00:00Z"), "l1", "case-1",
                "access-service", "P1", "DOR", "manual:payroll", "payroll", AccessAction.MANUAL_TASK_ESCALATED,
                AccessOutcome.WAITING_FOR_HUMAN, "escalated to escalations", Instant.parse("2027-07-05T21:00:00Z"),
                "access-service", "l1/cut-off/entitlement_revoked/payroll", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(AccessEvent.class).write(escalated, encoder);
        encoder.flush();

        // When a reader of the previous version reads it
        Schema previous = previous();
        GenericRecord read = new GenericDatumReader<GenericRecord>(AccessEvent.getClassSchema(), previous)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        // Then the action is UNKNOWN and the rest as written
        assertThat(read.get("action")).isEqualTo(new GenericData.EnumSymbol(previous.getField("action").schema(),
                "UNKNOWN"));
        assertThat(read.get("outcome").toString()).isEqualTo("WAITING_FOR_HUMAN");
        assertThat(read.get("actionId").toString()).isEqualTo("l1/cut-off/entitlement_revoked/payroll");
    }

    private static Schema previous() throws IOException {
        try (InputStream in = AccessEventEvolutionTest.class.getResourceAsStream("/evolution/AccessEvent-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }
}
