package dev.tenure.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.SampleHrEvents;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** Every schema reachable from the topic catalogue follows the conventions later teams rely on. */
class AvroConventionsTest {

    private static final List<String> ENVELOPE_FIELDS =
            List.of("eventId", "occurredAt", "causationId", "correlationId", "source");

    private static final List<String> LIFECYCLE_EVENTS = List.of(
            "EmployeeJoined", "EmployeeMoved", "EmployeeLeft", "StartDateChanged",
            "EndDateChanged", "JoinerCancelled", "LeaverCancelled", "EmployeeRehired", "VpnAccessRequested");

    // Given every value schema of the catalogue and everything they reference
    private final List<Schema> topicValueSchemas = Topics.ALL.stream().map(TopicSpec::valueSchema).toList();
    private final SchemaWalker all = SchemaWalker.walk(topicValueSchemas);

    @Test
    void shouldReachEveryKindOfSchemaFromTheCatalogue() {
        // Then the walk covers the envelope's payload records and the shared types, not just the roots
        assertThat(all.records()).extracting(Schema::getName)
                .contains("HrLifecycleEvent", "Position", "Contact", "Submitter")
                .containsAll(LIFECYCLE_EVENTS);
        assertThat(all.enums()).extracting(Schema::getName)
                .contains("EmploymentType", "PositionAttribute", "LeaveReason", "VpnAction", "AccessOutcome",
                        "ServiceLevelExpectation");
    }

    @Test
    void shouldDeclareUnknownAsFirstSymbolAndDefaultOfEveryEnum() {
        for (Schema enumSchema : all.enums()) {
            assertThat(enumSchema.getEnumSymbols()).as(enumSchema.getFullName() + " symbols").first().isEqualTo("UNKNOWN");
            assertThat(enumSchema.getEnumDefault()).as(enumSchema.getFullName() + " default").isEqualTo("UNKNOWN");
        }
    }

    @Test
    void shouldCarryTheEnvelopeFieldsOnEveryTopicValue() {
        for (Schema value : topicValueSchemas) {
            String name = value.getFullName();
            assertThat(value.getFields()).extracting(Schema.Field::name).as(name).containsAll(ENVELOPE_FIELDS);
            assertThat(value.getField("eventId").schema().getType()).as(name + ".eventId").isEqualTo(Schema.Type.STRING);
            assertThat(value.getField("occurredAt").schema().getLogicalType()).as(name + ".occurredAt")
                    .isEqualTo(LogicalTypes.timestampMillis());
            assertThat(isNullableString(value.getField("causationId").schema())).as(name + ".causationId").isTrue();
            assertThat(value.getField("causationId").defaultVal()).as(name + ".causationId default")
                    .isEqualTo(JsonProperties.NULL_VALUE);
            assertThat(value.getField("correlationId").schema().getType()).as(name + ".correlationId").isEqualTo(Schema.Type.STRING);
            assertThat(value.getField("source").schema().getType()).as(name + ".source").isEqualTo(Schema.Type.STRING);
        }
    }

    @Test
    void shouldDefaultEveryNullableFieldToNull() {
        List<String> offenders = new ArrayList<>();
        all.fields().forEach((name, field) -> {
            Schema type = field.schema();
            if (type.isNullable() && (type.getType() != Schema.Type.UNION
                    || type.getTypes().get(0).getType() != Schema.Type.NULL
                    || field.defaultVal() != JsonProperties.NULL_VALUE)) {
                offenders.add(name);
            }
        });
        assertThat(offenders).as("nullable fields must be [\"null\", T] with default null").isEmpty();
    }

    @Test
    void shouldDocumentEveryRecord() {
        for (Schema record : all.records()) {
            assertThat(record.getDoc()).as(record.getFullName() + " doc").isNotBlank();
        }
    }

    @Test
    void shouldUseTheJavaPackageAsNamespace() {
        for (Schema named : all.named()) {
            Class<?> generated = SpecificData.get().getClass(named);
            assertThat(generated).as(named.getFullName() + " generated class").isNotNull();
            assertThat(generated.getPackageName()).isEqualTo(named.getNamespace()).startsWith("dev.tenure.schemas.");
        }
    }

    @Test
    void shouldUseDateForDatesAndTimestampMillisForInstants() {
        all.fields().forEach((name, field) -> {
            LogicalType logicalType = nonNull(field.schema()).getLogicalType();
            String fieldName = field.name();
            if (fieldName.endsWith("Date") || fieldName.equals("periodStart")) {
                assertThat(logicalType).as(name).isEqualTo(LogicalTypes.date());
            }
            if (fieldName.endsWith("At") || fieldName.endsWith("Instant")) {
                assertThat(logicalType).as(name).isEqualTo(LogicalTypes.timestampMillis());
            }
        });
    }

    @Test
    void shouldGenerateJavaStringsNotCharSequences() {
        all.fields().forEach((name, field) -> {
            Schema type = nonNull(field.schema());
            if (type.getType() == Schema.Type.STRING) {
                assertThat(type.getProp("avro.java.string")).as(name).isEqualTo("String");
            }
        });
    }

    @Test
    void shouldCarryEveryLifecycleEventInTheEnvelopePayload() {
        Schema payload = HrLifecycleEvent.getClassSchema().getField("payload").schema();

        assertThat(payload.getType()).isEqualTo(Schema.Type.UNION);
        assertThat(payload.getTypes()).extracting(Schema::getName).containsExactlyInAnyOrderElementsOf(LIFECYCLE_EVENTS);
    }

    @Test
    void shouldRoundTripEveryLifecyclePayloadThroughAvroBinary() throws IOException {
        // Given one envelope per payload type
        for (HrLifecycleEvent event : SampleHrEvents.oneOfEachPayload()) {
            // When it is written and read back with the generated classes
            HrLifecycleEvent read = decode(encode(event));

            // Then nothing is lost, and the payload comes back as its generated class
            assertThat(read).isEqualTo(event);
            assertThat(read.getPayload()).isExactlyInstanceOf(event.getPayload().getClass());
        }
    }

    private static boolean isNullableString(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.getTypes().size() == 2
                && schema.getTypes().get(0).getType() == Schema.Type.NULL
                && schema.getTypes().get(1).getType() == Schema.Type.STRING;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        return branches.size() == 1 ? branches.get(0) : schema;
    }

    private static byte[] encode(HrLifecycleEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(HrLifecycleEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static HrLifecycleEvent decode(byte[] bytes) throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        return new SpecificDatumReader<>(HrLifecycleEvent.class).read(null, decoder);
    }
}
