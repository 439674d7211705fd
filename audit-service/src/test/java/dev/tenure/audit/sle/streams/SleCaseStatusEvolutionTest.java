package dev.tenure.audit.sle.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.schemas.sle.ServiceLevelExpectation;
import dev.tenure.schemas.sle.SleCaseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
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

/** sle-case-status gained effectiveDate and timeZone; records of the first version still read (BACKWARD). */
class SleCaseStatusEvolutionTest {

    @Test
    void shouldReadRecordsWrittenWithTheFirstVersion() throws IOException {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(SleCaseStatus.getClassSchema(), firstVersion())
                .getType()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldCountAFirstVersionRecordOnTheUtcDateOfItsDueTime() throws IOException {
        // Given a record written with the first version (no effective date, no zone)
        Schema first = firstVersion();
        GenericRecord old = new GenericData.Record(first);
        old.put("eventId", "e-1");
        old.put("occurredAt", Instant.parse("2026-04-11T04:00:10Z").toEpochMilli());
        old.put("correlationId", "L-1");
        old.put("source", "audit-service");
        old.put("caseId", "ACCESS_CUT_ON_END_DATE:EOTSS:L-1");
        old.put("personId", "P-1");
        old.put("agency", "EOTSS");
        old.put("sle", new GenericData.EnumSymbol(first.getField("sle").schema(), "ACCESS_CUT_ON_END_DATE"));
        old.put("status", new GenericData.EnumSymbol(first.getField("status").schema(), "MET"));
        old.put("submittedAt", Instant.parse("2026-03-20T14:00:00Z").toEpochMilli());
        old.put("dueAt", Instant.parse("2026-04-11T04:00:00Z").toEpochMilli());

        // When today's class reads it
        SleCaseStatus read = read(write(old, first), first);

        // Then the new fields are null, and the case counts on its due time's UTC date
        assertThat(read.getSle()).isEqualTo(ServiceLevelExpectation.ACCESS_CUT_ON_END_DATE);
        assertThat(read.getEffectiveDate()).isNull();
        assertThat(read.getTimeZone()).isNull();
        assertThat(SleRecords.view(read)).get().extracting(CaseView::effectiveDate)
                .isEqualTo(LocalDate.of(2026, 4, 11));
    }

    private static Schema firstVersion() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        parser.parse(ServiceLevelExpectation.getClassSchema().toString());
        try (InputStream in = SleCaseStatusEvolutionTest.class.getResourceAsStream(
                "/dev/tenure/audit/sle/SleCaseStatus-v1.avsc")) {
            return parser.parse(in);
        }
    }

    private static byte[] write(GenericRecord record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static SleCaseStatus read(byte[] bytes, Schema writer) throws IOException {
        return new SpecificDatumReader<SleCaseStatus>(writer, SleCaseStatus.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
