package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.EquipmentLifecycle;
import dev.tenure.equipment.messaging.StepOutcomes;
import dev.tenure.schemas.equipment.DesksideStepSubmitted;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Gives Quarkus the topology to run, with the registry's Avro serdes and the shared clock. */
@ApplicationScoped
public class TopologyProducer {

    private static final Logger LOG = Logger.getLogger(TopologyProducer.class);

    @Inject
    EquipmentLifecycle rules;

    @Inject
    Clock clock;

    @Inject
    StepOutcomes outcomes;

    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url")
    String registryUrl;

    @ConfigProperty(name = "tenure.equipment.timer-interval")
    Duration timerInterval;

    @Produces
    Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        EquipmentTopology.build(builder, new EquipmentTopology.Settings(rules, clock, timerInterval,
                serde(Topics.HR_LIFECYCLE_EVENTS, HrLifecycleEvent.class),
                serde(Topics.EQUIPMENT_DESKSIDE_STEPS, DesksideStepSubmitted.class),
                serde(Topics.EQUIPMENT_EVENTS, EquipmentEvent.class), outcomes));
        Topology topology = builder.build();
        LOG.debugf("equipment topology:%n%s", topology.describe());
        return topology;
    }

    private <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde(TopicSpec<T> topic, Class<T> type) {
        return Serdes.serdeFrom(new RegistryAvroSerializer<>(topic, registryUrl),
                new RegistryAvroDeserializer<>(type, registryUrl));
    }
}
