package dev.tenure.audit.sle.streams;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.sle.SleCompliance;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The value serdes of the topics the SLE topology reads and writes: the registry's Avro serdes in the service, a
 * registry-free Avro serde in tests. Keys are strings.
 */
public record SleSerdes(Serde<HrLifecycleEvent> lifecycleEvents, Serde<AccessCommand> accessCommands,
                        Serde<AccessEvent> accessEvents, Serde<EquipmentEvent> equipmentEvents,
                        Serde<SleCaseStatus> caseStatus, Serde<SleCompliance> compliance) {

    public SleSerdes {
        Objects.requireNonNull(lifecycleEvents, "lifecycleEvents");
        Objects.requireNonNull(accessCommands, "accessCommands");
        Objects.requireNonNull(accessEvents, "accessEvents");
        Objects.requireNonNull(equipmentEvents, "equipmentEvents");
        Objects.requireNonNull(caseStatus, "caseStatus");
        Objects.requireNonNull(compliance, "compliance");
    }

    /** The registry's Avro serdes of the six topics ({@code registryApiUrl}: its v3 API, .../apis/registry/v3). */
    public static SleSerdes withRegistry(String registryApiUrl) {
        return new SleSerdes(registry(Topics.HR_LIFECYCLE_EVENTS, registryApiUrl),
                registry(Topics.ACCESS_COMMANDS, registryApiUrl), registry(Topics.ACCESS_EVENTS, registryApiUrl),
                registry(Topics.EQUIPMENT_EVENTS, registryApiUrl), registry(Topics.SLE_CASE_STATUS, registryApiUrl),
                registry(Topics.SLE_COMPLIANCE, registryApiUrl));
    }

    private static <T extends SpecificRecord> Serde<T> registry(TopicSpec<T> topic, String registryApiUrl) {
        return Serdes.serdeFrom(new RegistryAvroSerializer<>(topic, registryApiUrl),
                new RegistryAvroDeserializer<>(topic.valueType(), registryApiUrl));
    }

    /** The value deserializer of each input topic, for sources that hand over raw bytes. */
    Map<String, Deserializer<?>> inputDeserializers() {
        return Map.of(
                Topics.HR_LIFECYCLE_EVENTS.name(), lifecycleEvents.deserializer(),
                Topics.ACCESS_COMMANDS.name(), accessCommands.deserializer(),
                Topics.ACCESS_EVENTS.name(), accessEvents.deserializer(),
                Topics.EQUIPMENT_EVENTS.name(), equipmentEvents.deserializer());
    }
}
