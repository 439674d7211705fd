package dev.tenure.access.streams;

import dev.tenure.access.config.AccessConfig;
import dev.tenure.access.planning.AccessPlanner;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.LegalHoldChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The planner topology, for Quarkus' Kafka Streams runtime to run. */
@ApplicationScoped
public class TopologyProducer {

    @ConfigProperty(name = "tenure.registry.url")
    String registryUrl;

    @Produces
    Topology topology(AccessPlanner planner, Clock clock, AccessConfig config) {
        return AccessTopology.build(planner, clock, config.timerResolution(),
                Serdes.serdeFrom(new RegistryAvroSerializer<>(Topics.HR_LIFECYCLE_EVENTS, registryUrl),
                        new RegistryAvroDeserializer<>(HrLifecycleEvent.class, registryUrl)),
                Serdes.serdeFrom(new RegistryAvroSerializer<>(Topics.ACCESS_LEGAL_HOLDS, registryUrl),
                        new RegistryAvroDeserializer<>(LegalHoldChanged.class, registryUrl)),
                Serdes.serdeFrom(
                        new RegistryAvroSerializer<>(Topics.ACCESS_COMMANDS, registryUrl, new AccessCommandWriter()),
                        new RegistryAvroDeserializer<>(AccessCommand.class, registryUrl)));
    }
}
