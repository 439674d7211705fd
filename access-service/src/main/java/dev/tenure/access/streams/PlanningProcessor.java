package dev.tenure.access.streams;

import dev.tenure.access.planning.AccessPlanner;
import dev.tenure.access.planning.DisablesFirst;
import dev.tenure.access.planning.Execution;
import dev.tenure.access.planning.HrChange;
import dev.tenure.access.planning.PersonAccess;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.hr.HrLifecycleEvent;
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

/**
 * Plans each HR event into the person's state and fires what is due: at once for what is due now (an immediate
 * termination goes out while its event is processed), and from a wall-clock punctuator for the milestones whose
 * time comes later. The state and its time index are stores with changelogs, so pending milestones survive restarts
 * and rebalances; a milestone overdue after downtime fires on the first punctuation.
 */
final class PlanningProcessor implements Processor<String, HrLifecycleEvent, String, AccessCommand> {

    private final AccessPlanner planner;
    private final Clock clock;
    private final Duration resolution;
    private ProcessorContext<String, AccessCommand> context;
    private KeyValueStore<String, PersonAccess> people;
    private KeyValueStore<String, String> dueIndex;

    PlanningProcessor(AccessPlanner planner, Clock clock, Duration resolution) {
        this.planner = planner;
        this.clock = clock;
        this.resolution = resolution;
    }

    @Override
    public void init(ProcessorContext<String, AccessCommand> context) {
        this.context = context;
        this.people = context.getStateStore(AccessTopology.PEOPLE_STORE);
        this.dueIndex = context.getStateStore(AccessTopology.DUE_INDEX_STORE);
        context.schedule(resolution, PunctuationType.WALL_CLOCK_TIME, ignored -> fireDue());
    }

    @Override
    public void process(Record<String, HrLifecycleEvent> record) {
        HrLifecycleEvent event = record.value();
        if (event == null) {
            return;
        }
        Optional<HrChange> change = HrChanges.from(event);
        if (change.isEmpty()) {
            return;
        }
        String personId = event.getPersonId();
        Instant now = clock.instant();
        PersonAccess before = load(personId);
        PersonAccess planned = planner.apply(before, change.get(), now);
        if (planned != before) {
            emit(before, planner.due(planned, now), now);
        }
    }

    /**
     * Every person with a milestone due by now, earliest first; their changes go out disables first
     * ({@link DisablesFirst}), so many cut-offs at one instant cut sign-in before anyone's clean-up.
     */
    private void fireDue() {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = dueIndex.range(DueIndex.first(), DueIndex.lastDueBy(now))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                due.add(entry.value);
            }
        }
        List<List<Execution>> changes = new ArrayList<>();
        List<Runnable> stateUpdates = new ArrayList<>();
        for (String personId : due) {
            PersonAccess before = load(personId);
            AccessPlanner.Due fired = planner.due(before, now);
            changes.add(fired.executions());
            stateUpdates.add(() -> store(before, fired.state()));
        }
        forward(DisablesFirst.order(changes), now);
        stateUpdates.forEach(Runnable::run);
    }

    private void emit(PersonAccess before, AccessPlanner.Due due, Instant now) {
        forward(due.executions(), now);
        store(before, due.state());
    }

    private void forward(List<Execution> executions, Instant now) {
        // Record timestamps stay wall-clock time (the broker refuses ones an hour or more ahead, and the service
        // clock may be a simulated one); the planned and due times travel in the command itself.
        long wallClock = context.currentSystemTimeMs();
        executions.forEach(execution -> context.forward(
                new Record<>(execution.personId(), CommandRecords.toRecord(execution, now), wallClock)));
    }

    private void store(PersonAccess before, PersonAccess after) {
        before.nextDue().ifPresent(at -> dueIndex.delete(DueIndex.key(at, before.personId())));
        people.put(after.personId(), after);
        after.nextDue().ifPresent(at -> dueIndex.put(DueIndex.key(at, after.personId()), after.personId()));
    }

    private PersonAccess load(String personId) {
        PersonAccess state = people.get(personId);
        return state == null ? PersonAccess.unknown(personId) : state;
    }
}
