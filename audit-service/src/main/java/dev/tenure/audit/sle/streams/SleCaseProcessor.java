package dev.tenure.audit.sle.streams;

import dev.tenure.audit.sle.domain.CaseUpdate;
import dev.tenure.audit.sle.domain.PersonCases;
import dev.tenure.audit.sle.domain.SleCaseRules;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.sle.SleCaseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each person's lifecycle events, planned access changes, access outcomes and equipment changes to their SLE
 * cases, and lets time decide them: a wall-clock punctuator looks every {@code checkInterval} for the people whose
 * cases came due (the time index), reading the time from the injected clock, so a case with no outcome at all is
 * decided when its due time passes. The state and the index are stores with changelogs.
 *
 * <p>Records are expected as the Avro classes of their topics; a source that hands over raw bytes (one shared with a
 * topology that needs them) is read with the topic's deserializer.
 */
final class SleCaseProcessor implements Processor<String, Object, CaseKey, SleCaseStatus> {

    private final SleCaseRules rules;
    private final Clock clock;
    private final Duration checkInterval;
    private final Map<String, Deserializer<?>> deserializers;
    private ProcessorContext<CaseKey, SleCaseStatus> context;
    private KeyValueStore<String, PersonCases> people;
    private KeyValueStore<String, String> dueIndex;

    SleCaseProcessor(SleCaseRules rules, Clock clock, Duration checkInterval,
                     Map<String, Deserializer<?>> deserializers) {
        this.rules = rules;
        this.clock = clock;
        this.checkInterval = checkInterval;
        this.deserializers = deserializers;
    }

    @Override
    public void init(ProcessorContext<CaseKey, SleCaseStatus> context) {
        this.context = context;
        this.people = context.getStateStore(SleTopology.PERSON_CASES_STORE);
        this.dueIndex = context.getStateStore(SleTopology.DUE_INDEX_STORE);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> decideDue());
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = decoded(record.value());
        if (value == null) {
            return;
        }
        Instant now = clock.instant();
        Optional<SleCaseRules.Step> step;
        String personId;
        if (value instanceof HrLifecycleEvent event) {
            personId = personOf(record, event.getPersonId());
            step = Optional.of(rules.onLifecycle(load(personId), SleRecords.lifecycle(event), now));
        } else if (value instanceof AccessCommand command) {
            personId = personOf(record, command.getPersonId());
            step = Optional.of(rules.onAccess(load(personId), SleRecords.planned(command), now));
        } else if (value instanceof AccessEvent event) {
            personId = personOf(record, event.getPersonId());
            step = SleRecords.outcome(event).map(outcome -> rules.onAccess(load(personId), outcome, now));
        } else if (value instanceof EquipmentEvent event) {
            personId = personOf(record, event.getPersonId());
            step = SleRecords.equipment(event).map(change -> rules.onEquipment(load(personId), change, now));
        } else {
            throw new IllegalArgumentException("the SLE topology cannot read a " + value.getClass().getName()
                    + " from " + context.recordMetadata().map(RecordMetadata::topic).orElse("a punctuation")
                    + ": wire it to sources of hr-lifecycle-events, access-commands, access-events and "
                    + "equipment-events");
        }
        step.ifPresent(s -> apply(personId, s, now));
    }

    /** Everyone with a case come due (or final, or unmatched evidence expired) by now. */
    private void decideDue() {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = dueIndex.range(DueIndex.first(), DueIndex.lastDueBy(now))) {
            it.forEachRemaining(entry -> due.add(entry.value));
        }
        for (String personId : due) {
            apply(personId, rules.onTime(load(personId), now), now);
        }
    }

    private void apply(String personId, SleCaseRules.Step step, Instant now) {
        // Record timestamps stay wall-clock time (the service clock may be a simulated one); the times of the case
        // travel in the record.
        long wallClock = context.currentSystemTimeMs();
        for (CaseUpdate update : step.updates()) {
            if (update instanceof CaseUpdate.Reported reported) {
                context.forward(new Record<>(new CaseKey(reported.caseId(), reported.view().sle(),
                        reported.view().agency()), SleRecords.status(reported.view(), reported.revision(),
                        reported.causationId(), now), wallClock));
            } else if (update instanceof CaseUpdate.Withdrawn withdrawn) {
                context.forward(new Record<>(new CaseKey(withdrawn.caseId(), withdrawn.sle(), withdrawn.agency()),
                        null, wallClock));
            }
        }
        PersonCases before = people.get(personId);
        PersonCases after = step.state();
        if (after.equals(before)) {
            return;
        }
        if (before != null && before.wakeAt() != null) {
            dueIndex.delete(DueIndex.key(before.wakeAt(), personId));
        }
        people.put(personId, after);
        if (after.wakeAt() != null) {
            dueIndex.put(DueIndex.key(after.wakeAt(), personId), personId);
        }
    }

    private PersonCases load(String personId) {
        PersonCases state = people.get(personId);
        return state == null ? PersonCases.empty(personId) : state;
    }

    private Object decoded(Object value) {
        if (!(value instanceof byte[] bytes)) {
            return value;
        }
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        Deserializer<?> deserializer = topic == null ? null : deserializers.get(topic);
        if (deserializer == null) {
            throw new IllegalArgumentException("the SLE topology got raw bytes from " + topic
                    + ", which it does not read");
        }
        return deserializer.deserialize(topic, bytes);
    }

    private static String personOf(Record<String, Object> record, String personId) {
        return record.key() != null ? record.key() : personId;
    }
}
