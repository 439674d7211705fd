package dev.tenure.audit.streams;

import dev.tenure.audit.domain.AuditFacts;
import dev.tenure.audit.domain.AuditMapping;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;

/** The three audited topics and how a record of each is read into the facts of its audit record. */
public record AuditedTopics(Deserializer<HrLifecycleEvent> lifecycle, Deserializer<AccessEvent> access,
                            Deserializer<EquipmentEvent> equipment) {

    public static final List<String> NAMES = List.of(Topics.HR_LIFECYCLE_EVENTS.name(), Topics.ACCESS_EVENTS.name(),
            Topics.EQUIPMENT_EVENTS.name());

    /** The facts of one record; throws when its bytes are not a record of the topic's type. */
    AuditFacts read(String topic, byte[] value) {
        if (topic.equals(Topics.HR_LIFECYCLE_EVENTS.name())) {
            return AuditMapping.of(lifecycle.deserialize(topic, value));
        }
        if (topic.equals(Topics.ACCESS_EVENTS.name())) {
            return AuditMapping.of(access.deserialize(topic, value));
        }
        if (topic.equals(Topics.EQUIPMENT_EVENTS.name())) {
            return AuditMapping.of(equipment.deserialize(topic, value));
        }
        throw new IllegalArgumentException("not an audited topic: " + topic);
    }
}
