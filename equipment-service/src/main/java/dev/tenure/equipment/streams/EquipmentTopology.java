package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.EquipmentLifecycle;
import dev.tenure.equipment.domain.PersonEquipment;
import dev.tenure.schemas.equipment.DesksideStepSubmitted;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The equipment topology:
 * <pre>
 * hr-lifecycle-events ──┐
 *                       ├─ merge ─▶ equipment-rules (stores: people, timers, assets; wall-clock timers) ─▶ equipment-events
 * equipment-deskside-steps ┘
 * </pre>
 * Both inputs are keyed by person id and co-partitioned, so one person's lifecycle events and deskside steps are
 * applied in order, by one task, against one state. Every store is logged to a compacted changelog: a restarted
 * or new instance rebuilds it from there.
 */
public final class EquipmentTopology {

    /** What the topology needs from outside: the rules, the clock, the serdes, how often timers are checked. */
    public record Settings(EquipmentLifecycle rules, Clock clock, Duration timerInterval,
                           Serde<HrLifecycleEvent> lifecycleSerde, Serde<DesksideStepSubmitted> stepSerde,
                           Serde<EquipmentEvent> eventSerde, StepOutcomeListener listener) {
    }

    private EquipmentTopology() {
    }

    public static void build(StreamsBuilder builder, Settings settings) {
        builder.addStateStore(store(Stores.PEOPLE, new JsonSerde<>(PersonEquipment.class)));
        builder.addStateStore(store(Stores.TIMERS, Serdes.String()));
        builder.addStateStore(store(Stores.ASSETS, Serdes.String()));

        KStream<String, EquipmentInput> lifecycle = builder
                .stream(Topics.HR_LIFECYCLE_EVENTS.name(), Consumed.with(Serdes.String(), settings.lifecycleSerde())
                        .withName("hr-lifecycle-events-in"))
                .mapValues(event -> (EquipmentInput) new EquipmentInput.Lifecycle(event), Named.as("as-lifecycle-input"));
        KStream<String, EquipmentInput> steps = builder
                .stream(Topics.EQUIPMENT_DESKSIDE_STEPS.name(), Consumed.with(Serdes.String(), settings.stepSerde())
                        .withName("deskside-steps-in"))
                .mapValues(step -> (EquipmentInput) new EquipmentInput.Step(step), Named.as("as-step-input"));

        lifecycle.merge(steps, Named.as("lifecycle-and-steps"))
                .process(() -> new EquipmentProcessor(settings.rules(), settings.clock(), settings.timerInterval(),
                        settings.listener()), Named.as("equipment-rules"), Stores.PEOPLE, Stores.TIMERS, Stores.ASSETS)
                .to(Topics.EQUIPMENT_EVENTS.name(), Produced.with(Serdes.String(), settings.eventSerde())
                        .withName("equipment-events-out"));
    }

    /** A RocksDB store logged to a compacted changelog ({@code <application id>-<name>-changelog}). */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
