package dev.tenure.audit.sle.streams;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.sle.SleCompliance;
import dev.tenure.schemas.topics.Topics;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

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

    /** The value deserializer of each input topic, for sources that hand over raw bytes. */
    Map<String, Deserializer<?>> inputDeserializers() {
        return Map.of(
                Topics.HR_LIFECYCLE_EVENTS.name(), lifecycleEvents.deserializer(),
                Topics.ACCESS_COMMANDS.name(), accessCommands.deserializer(),
                Topics.ACCESS_EVENTS.name(), accessEvents.deserializer(),
                Topics.EQUIPMENT_EVENTS.name(), equipmentEvents.deserializer());
    }
}
