package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.AssetLookup;
import dev.tenure.equipment.domain.PersonEquipment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the topology's stores (interactive queries over every partition this instance holds). While the streams are
 * not running — starting, restoring from the changelogs, rebalancing — it says so instead of answering from a
 * partial state.
 */
@ApplicationScoped
public class EquipmentState {

    @Inject
    KafkaStreams streams;

    public Optional<PersonEquipment> person(String personId) throws StateUnavailableException {
        PersonEquipment person = guarded(() -> this.<PersonEquipment>store(Stores.PEOPLE).get(personId));
        return Optional.ofNullable(person).filter(PersonEquipment::isKnown);
    }

    public List<PersonEquipment> everyone() throws StateUnavailableException {
        return guarded(() -> {
            List<PersonEquipment> people = new ArrayList<>();
            try (KeyValueIterator<String, PersonEquipment> all = this.<PersonEquipment>store(Stores.PEOPLE).all()) {
                all.forEachRemaining(entry -> people.add(entry.value));
            }
            return people;
        });
    }

    /** Where an asset tag is in use now, as the stores say. */
    public Optional<AssetLookup.AssetHolder> holderOf(String assetTag) throws StateUnavailableException {
        return guarded(() -> {
            ReadOnlyKeyValueStore<String, PersonEquipment> people = store(Stores.PEOPLE);
            return AssetIndex.holderOf(this.<String>store(Stores.ASSETS).get(Stores.assetKey(assetTag)), people::get);
        });
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private <T> T guarded(Query<T> query) throws StateUnavailableException {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new StateUnavailableException("the equipment state is not readable yet (streams " + state + ")");
        }
        try {
            return query.run();
        } catch (InvalidStateStoreException e) {
            throw new StateUnavailableException("the equipment state is moving (" + e.getMessage() + ")");
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run();
    }
}
