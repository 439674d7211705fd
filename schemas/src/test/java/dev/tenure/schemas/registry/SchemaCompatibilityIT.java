package dev.tenure.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalogue's schemas in a real Apicurio Registry, and the BACKWARD rule guarding their evolution. */
class SchemaCompatibilityIT {

    private static final String ENVELOPE_ARTIFACT = Topics.HR_LIFECYCLE_EVENTS.valueSchemaArtifactId();

    private static SchemaRegistrar registrar;
    private static RegistryRest registry;

    @BeforeAll
    static void registerTheCatalogue() {
        TenurePeers peers = TenurePeers.shared();
        registrar = new SchemaRegistrar(peers.registryUrl());
        registry = new RegistryRest(peers.registryUrl());
        registrar.registerAll(Topics.ALL);
    }

    @Test
    void shouldRegisterEveryCatalogueSchemaWithABackwardRule() {
        // Given the catalogue was registered (before all)
        // Then every "<topic>-value" artifact exists, is guarded by BACKWARD and holds the generated schema
        for (TopicSpec<?> topic : Topics.ALL) {
            String artifactId = topic.valueSchemaArtifactId();
            assertThat(registry.artifactExists(artifactId)).as(artifactId).isTrue();
            assertThat(registry.compatibilityRule(artifactId)).as(artifactId + " rule").contains("BACKWARD");
            long contentId = registrar.register(topic).contentId();
            assertThat(registry.contentIds(artifactId)).as(artifactId + " versions").contains(contentId);
            assertThat(new Schema.Parser().parse(registry.contentById(contentId))).isEqualTo(topic.valueSchema());
        }
        assertThat(registry.artifactIds()).containsAll(Topics.ALL.stream().map(TopicSpec::valueSchemaArtifactId).toList());
    }

    @Test
    void shouldNotCreateANewVersionWhenTheSameSchemasAreRegisteredAgain() {
        // Given the catalogue is registered
        Map<String, Integer> versionsBefore = versionCounts();
        List<RegisteredSchema> first = registrar.registerAll(Topics.ALL);

        // When it is registered again
        List<RegisteredSchema> second = registrar.registerAll(Topics.ALL);

        // Then the same versions are found and none is added
        assertThat(second).isEqualTo(first);
        assertThat(versionCounts()).isEqualTo(versionsBefore);
    }

    @Test
    void shouldRejectAnEnvelopeWithANewFieldWithoutDefault() {
        // Given the envelope with a required field that old records cannot fill
        Schema incompatible = withExtraField(HrLifecycleEvent.getClassSchema(),
                "{\"name\": \"costCentre\", \"type\": \"string\"}");
        int versionsBefore = registry.versionCount(ENVELOPE_ARTIFACT);

        // When it is registered as the next version of the topic's artifact
        SchemaRegistrationException rejected = catchThrowableOfType(SchemaRegistrationException.class,
                () -> registrar.register(ENVELOPE_ARTIFACT, incompatible));

        // Then the registry refuses it, its reason reaches the caller, and no version is added
        assertThat(rejected).as("incompatible schema must be rejected").isNotNull();
        assertThat(rejected.status()).isIn(400, 409);
        assertThat(rejected.getMessage())
                .contains(ENVELOPE_ARTIFACT)
                .contains("RuleViolationException")
                .contains("Incompatible artifact")
                .contains("costCentre");
        assertThat(registry.versionCount(ENVELOPE_ARTIFACT)).isEqualTo(versionsBefore);
    }

    @Test
    void shouldAcceptAnEnvelopeWithANewFieldWithDefault() {
        // Given a copy of the envelope artifact, so the topic's own artifact does not run ahead of the code
        String scratchArtifact = "compatibility-it-" + UUID.randomUUID() + "-value";
        RegisteredSchema current = registrar.register(scratchArtifact, HrLifecycleEvent.getClassSchema());
        Schema compatible = withExtraField(HrLifecycleEvent.getClassSchema(),
                "{\"name\": \"costCentre\", \"type\": [\"null\", \"string\"], \"default\": null}");

        // When the envelope with a defaulted new field is registered
        RegisteredSchema next = registrar.register(scratchArtifact, compatible);

        // Then it becomes a new version under the BACKWARD rule
        assertThat(registry.compatibilityRule(scratchArtifact)).contains("BACKWARD");
        assertThat(next.contentId()).isNotEqualTo(current.contentId());
        assertThat(registry.contentIds(scratchArtifact)).containsExactly(current.contentId(), next.contentId());
        assertThat(new Schema.Parser().parse(registry.contentById(next.contentId())).getField("costCentre")).isNotNull();
    }

    @Test
    void shouldAcceptAnEnvelopeWhosePayloadUnionGainsABranchAtTheEnd() {
        // Given the envelope as it was before its newest payload type, in a scratch artifact
        String scratchArtifact = "compatibility-it-" + UUID.randomUUID() + "-value";
        Schema current = HrLifecycleEvent.getClassSchema();
        RegisteredSchema previous = registrar.register(scratchArtifact, withoutLastPayloadBranch(current));

        // When today's envelope is registered as its next version
        RegisteredSchema next = registrar.register(scratchArtifact, current);

        // Then the BACKWARD rule lets it in: records written before can still be read
        assertThat(next.contentId()).isNotEqualTo(previous.contentId());
        assertThat(registry.contentIds(scratchArtifact)).containsExactly(previous.contentId(), next.contentId());
    }

    @Test
    void shouldAcceptTheEquipmentEventAsEvolvedFromItsFirstVersion() throws IOException {
        // Given the first version of equipment-events' value, in a scratch artifact
        String scratchArtifact = "compatibility-it-" + UUID.randomUUID() + "-value";
        Schema first;
        try (var in = SchemaCompatibilityIT.class.getResourceAsStream("/evolution/EquipmentEvent-v1.avsc")) {
            first = new Schema.Parser().parse(in);
        }
        RegisteredSchema previous = registrar.register(scratchArtifact, first);

        // When today's schema (item id, change, previous state, site, reason ... all defaulted) is registered after it
        RegisteredSchema next = registrar.register(scratchArtifact, Topics.EQUIPMENT_EVENTS.valueSchema());

        // Then the BACKWARD rule lets it in
        assertThat(next.contentId()).isNotEqualTo(previous.contentId());
        assertThat(registry.contentIds(scratchArtifact)).containsExactly(previous.contentId(), next.contentId());
    }

    private static Map<String, Integer> versionCounts() {
        return Topics.ALL.stream().map(TopicSpec::valueSchemaArtifactId)
                .collect(Collectors.toMap(Function.identity(), registry::versionCount));
    }

    /** The envelope with the last branch of its payload union left out (and no longer defined). */
    private static Schema withoutLastPayloadBranch(Schema envelope) {
        List<Schema.Field> fields = envelope.getFields().stream()
                .map(field -> {
                    if (!field.name().equals("payload")) {
                        return new Schema.Field(field, field.schema());
                    }
                    List<Schema> branches = field.schema().getTypes();
                    return new Schema.Field(field, Schema.createUnion(branches.subList(0, branches.size() - 1)));
                })
                .toList();
        Schema previous = Schema.createRecord(envelope.getName(), envelope.getDoc(), envelope.getNamespace(), false,
                fields);
        assertThat(previous.toString()).doesNotContain(lastPayloadBranch(envelope).getFullName());
        return new Schema.Parser().parse(previous.toString());
    }

    private static Schema lastPayloadBranch(Schema envelope) {
        List<Schema> branches = envelope.getField("payload").schema().getTypes();
        return branches.get(branches.size() - 1);
    }

    private static Schema withExtraField(Schema schema, String fieldJson) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode record = (ObjectNode) json.readTree(schema.toString());
            ((ArrayNode) record.get("fields")).add(json.readTree(fieldJson));
            return new Schema.Parser().parse(json.writeValueAsString(record));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
