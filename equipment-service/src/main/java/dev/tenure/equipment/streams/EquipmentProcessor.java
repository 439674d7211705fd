package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.AssetLookup;
import dev.tenure.equipment.domain.Decision;
import dev.tenure.equipment.domain.DesksideStep;
import dev.tenure.equipment.domain.EquipmentChange;
import dev.tenure.equipment.domain.EquipmentLifecycle;
import dev.tenure.equipment.domain.Item;
import dev.tenure.equipment.domain.PersonEquipment;
import dev.tenure.schemas.equipment.EquipmentEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Applies the equipment rules to one person at a time: loads the person's state, lets the rules decide, stores the
 * result with its timer and asset indexes, and forwards the changes as equipment events. A wall-clock punctuator asks
 * the injected clock for "now" and fires the timers that are due (leavers' cut-offs).
 */
final class EquipmentProcessor implements Processor<String, EquipmentInput, String, EquipmentEvent> {

    private static final Logger LOG = Logger.getLogger(EquipmentProcessor.class);

    private final EquipmentLifecycle rules;
    private final Clock clock;
    private final Duration timerInterval;
    private final StepOutcomeListener listener;

    private ProcessorContext<String, EquipmentEvent> context;
    private KeyValueStore<String, PersonEquipment> people;
    private KeyValueStore<String, String> timers;
    private KeyValueStore<String, String> assets;

    EquipmentProcessor(EquipmentLifecycle rules, Clock clock, Duration timerInterval, StepOutcomeListener listener) {
        this.rules = rules;
        this.clock = clock;
        this.timerInterval = timerInterval;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, EquipmentEvent> context) {
        this.context = context;
        this.people = context.getStateStore(Stores.PEOPLE);
        this.timers = context.getStateStore(Stores.TIMERS);
        this.assets = context.getStateStore(Stores.ASSETS);
        context.schedule(timerInterval, PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
    }

    @Override
    public void process(Record<String, EquipmentInput> record) {
        if (record.key() == null || record.value() == null) {
            LOG.warnf("skipped a record without a person id or value (timestamp %d)", record.timestamp());
            return;
        }
        PersonEquipment before = load(record.key());
        if (record.value() instanceof EquipmentInput.Lifecycle lifecycle) {
            Decision decision = rules.onLifecycleEvent(before, LifecycleTranslator.translate(lifecycle.event()),
                    clock.instant());
            apply(before, decision, record.timestamp());
        } else if (record.value() instanceof EquipmentInput.Step stepInput) {
            DesksideStep step = EventMapper.toStep(stepInput.step());
            Decision decision = rules.onStep(before, step, this::holderOf);
            if (decision.isRejected()) {
                LOG.infof("deskside step %s refused: %s", step.stepId(), decision.rejection().get().reason());
            } else {
                apply(before, decision, record.timestamp());
            }
            listener.applied(new StepOutcome(step.stepId(), record.key(), decision.changes(), decision.rejection(),
                    decision.duplicate(), decision.person()));
        }
    }

    private void fireDueTimers(long wallClockMillis) {
        Instant now = clock.instant();
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> iterator = timers.range(null, Stores.timerKey(now, "\uffff"))) {
            iterator.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> timer : due) {
            PersonEquipment before = load(timer.value);
            Decision decision = rules.onTime(before, now);
            timers.delete(timer.key);
            apply(before, decision, wallClockMillis);
        }
    }

    /** Stores the decision's person, keeps the indexes in step, and forwards its changes. */
    private void apply(PersonEquipment before, Decision decision, long recordTimestamp) {
        if (decision.duplicate()) {
            return;
        }
        PersonEquipment after = decision.person();
        people.put(after.personId(), after);
        Optional<Instant> wakeBefore = before.nextWakeUp();
        Optional<Instant> wakeAfter = after.nextWakeUp();
        if (!wakeBefore.equals(wakeAfter)) {
            wakeBefore.ifPresent(at -> timers.delete(Stores.timerKey(at, before.personId())));
            wakeAfter.ifPresent(at -> timers.put(Stores.timerKey(at, after.personId()), after.personId()));
        }
        for (EquipmentChange change : decision.changes()) {
            after.item(change.itemId()).ifPresent(item -> index(after.personId(), item));
            // The record's timestamp is the real time of its cause: the event's occurredAt may be simulated time.
            context.forward(new Record<>(after.personId(), EventMapper.toEvent(change), recordTimestamp));
        }
    }

    private void index(String personId, Item item) {
        if (!item.hasAsset()) {
            return;
        }
        String key = Stores.assetKey(item.assetTag());
        String ref = AssetIndex.ref(personId, item.itemId());
        if (item.state().isTerminal()) {
            if (ref.equals(assets.get(key))) {
                assets.delete(key);
            }
        } else {
            assets.put(key, ref);
        }
    }

    private Optional<AssetLookup.AssetHolder> holderOf(String assetTag) {
        return AssetIndex.holderOf(assets.get(Stores.assetKey(assetTag)), people::get);
    }

    private PersonEquipment load(String personId) {
        PersonEquipment stored = people.get(personId);
        return stored != null ? stored : PersonEquipment.unknown(personId);
    }
}
