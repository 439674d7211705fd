package dev.tenure.access.streams;

import dev.tenure.access.planning.AccessPlanner;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.LegalHoldChanged;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * hr-lifecycle-events → planner (state per person + time index, both changelogged) → access-commands; legal holds
 * from access-legal-holds update the same state.
 * Every node and store is named, so the topology and its internal topics keep their names across versions.
 */
public final class AccessTopology {

    public static final String SOURCE = "hr-lifecycle-events-source";
    public static final String PLANNER = "access-planner";
    public static final String SINK = "access-commands-sink";
    public static final String HOLDS_SOURCE = "access-legal-holds-source";
    public static final String HOLDS = "access-legal-holds";
    public static final String PEOPLE_STORE = "person-access";
    public static final String DUE_INDEX_STORE = "person-access-due-index";

    private AccessTopology() {
    }

    /**
     * @param resolution how often the punctuator looks for due milestones (the most a timer can be late by, on top
     *                   of the executor's work)
     */
    public static Topology build(AccessPlanner planner, Clock clock, Duration resolution,
                                 Serde<HrLifecycleEvent> hrEvents, Serde<LegalHoldChanged> holds,
                                 Serde<AccessCommand> commands) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), hrEvents.deserializer(),
                Topics.HR_LIFECYCLE_EVENTS.name());
        topology.addSource(HOLDS_SOURCE, Serdes.String().deserializer(), holds.deserializer(),
                Topics.ACCESS_LEGAL_HOLDS.name());
        topology.addProcessor(PLANNER, () -> new PlanningProcessor(planner, clock, resolution), SOURCE);
        topology.addProcessor(HOLDS, () -> new LegalHoldProcessor(planner), HOLDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PEOPLE_STORE),
                Serdes.String(), new PersonAccessSerde()), PLANNER, HOLDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_INDEX_STORE),
                Serdes.String(), Serdes.String()), PLANNER, HOLDS);
        topology.addSink(SINK, Topics.ACCESS_COMMANDS.name(), Serdes.String().serializer(), commands.serializer(),
                PLANNER);
        return topology;
    }
}
