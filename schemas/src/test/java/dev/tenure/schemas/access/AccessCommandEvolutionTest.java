package dev.tenure.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * access-commands' value gained the identity provider's steps and operations (symbols appended): today's executor
 * reads what the previous planner wrote, and the previous executor reads a new command as UNKNOWN (their defaults)
 * — a command it cannot carry out, dead-lettered with the reason, never a crash.
 */
class AccessCommandEvolutionTest {

    @Test
    void shouldReadCommandsWrittenWithTheFirstVersion() throws IOException {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(AccessCommand.getClassSchema(), firstVersion())
                .getType()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldLetTheFirstVersionReadANewCommandAsUnknown() throws IOException {
        // Given a command of an operation the first version does not know
        AccessCommand revoke = new AccessCommand("0f8fad5b-d9cb-469f-a165-70867728950e",
                Instant.parse("2027-03-01T12:00:00Z"), "e-1", "e-1", "access-service", "l1/cut-off/mfa_revoked/mfa",
                "P-1", "DOR", "idp", "mfa", AccessStep.MFA_REVOKED, AccessOperation.REVOKE_MFA, null, null, null, null,
                Instant.parse("2027-03-01T12:00:00Z"));

        // When the first version's schema reads it
        GenericRecord read = new GenericDatumReader<GenericRecord>(AccessCommand.getClassSchema(), firstVersion())
                .read(null, DecoderFactory.get().binaryDecoder(write(revoke), null));

        // Then the new symbols come out as the enums' defaults, the rest as written
        assertThat(read.get("step")).hasToString("UNKNOWN");
        assertThat(read.get("operation")).hasToString("UNKNOWN");
        assertThat(read.get("targetSystem")).hasToString("idp");
    }

    static Schema firstVersion() throws IOException {
        try (InputStream in = AccessCommandEvolutionTest.class.getResourceAsStream("/evolution/AccessCommand-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static byte[] write(AccessCommand command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(AccessCommand.class).write(command, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
