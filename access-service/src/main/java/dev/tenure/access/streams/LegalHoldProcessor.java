package dev.tenure.access.streams;

import dev.tenure.access.planning.AccessPlanner;
import dev.tenure.access.planning.PersonAccess;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.LegalHoldChanged;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sets or clears a person's legal hold in the planner's state. Clearing it lets a held deletion fire on the next
 * punctuation (it is due already); setting it takes the deletion out of the time index until it clears.
 */
final class LegalHoldProcessor implements Processor<String, LegalHoldChanged, String, AccessCommand> {

    private final AccessPlanner planner;
    private KeyValueStore<String, PersonAccess> people;
    private KeyValueStore<String, String> dueIndex;

    LegalHoldProcessor(AccessPlanner planner) {
        this.planner = planner;
    }

    @Override
    public void init(ProcessorContext<String, AccessCommand> context) {
        this.people = context.getStateStore(AccessTopology.PEOPLE_STORE);
        this.dueIndex = context.getStateStore(AccessTopology.DUE_INDEX_STORE);
    }

    @Override
    public void process(Record<String, LegalHoldChanged> record) {
        LegalHoldChanged change = record.value();
        if (change == null) {
            return;
        }
        PersonAccess before = people.get(change.getPersonId());
        if (before == null) {
            before = PersonAccess.unknown(change.getPersonId());
        }
        PersonAccess after = planner.legalHold(before, change.getHold());
        PersonAccess previous = before;
        previous.nextDue().ifPresent(at -> dueIndex.delete(DueIndex.key(at, previous.personId())));
        people.put(after.personId(), after);
        after.nextDue().ifPresent(at -> dueIndex.put(DueIndex.key(at, after.personId()), after.personId()));
    }
}
