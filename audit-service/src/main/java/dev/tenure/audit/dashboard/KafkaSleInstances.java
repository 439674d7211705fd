package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.streams.SleTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** {@link SleInstances} from the running {@link SleStreams}: its metadata and its local stores. */
@ApplicationScoped
public class KafkaSleInstances implements SleInstances {

    @Inject
    SleStreams sleStreams;

    @Override
    public HostInfo self() {
        running();
        return sleStreams.self();
    }

    @Override
    public HostInfo ownerOf(String store, String key) {
        KeyQueryMetadata metadata = running().queryMetadataForKey(store, key,
                SleTopology.QUERY_PARTITIONER);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StoresUnavailableException("the owner of " + key + " is not known yet (rebalancing)");
        }
        return metadata.activeHost();
    }

    @Override
    public Collection<HostInfo> holdersOf(String store) {
        Collection<StreamsMetadata> all = running().streamsMetadataForStore(store);
        if (all.isEmpty()) {
            throw new StoresUnavailableException("no instance holds " + store + " yet (starting or rebalancing)");
        }
        Set<HostInfo> hosts = new TreeSet<>(Comparator.comparing(HostInfo::host).thenComparing(HostInfo::port));
        all.forEach(m -> hosts.add(m.hostInfo()));
        return hosts;
    }

    @Override
    public Optional<CaseView> localCase(String caseId) {
        return Optional.ofNullable(this.<CaseView>store(SleTopology.CASE_STATUS_STORE).get(caseId));
    }

    @Override
    public List<CaseView> localCases() {
        return all(store(SleTopology.CASE_STATUS_STORE));
    }

    @Override
    public List<Compliance> localCompliance() {
        return all(store(SleTopology.COMPLIANCE_STORE));
    }

    private KafkaStreams running() {
        KafkaStreams streams = sleStreams.streams().orElseThrow(() -> new StoresUnavailableException(
                "the SLE topology is not running yet: " + sleStreams.problem()));
        if (streams.state() != KafkaStreams.State.RUNNING && streams.state() != KafkaStreams.State.REBALANCING) {
            throw new StoresUnavailableException("the SLE topology is " + streams.state());
        }
        return streams;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return running().store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoresUnavailableException(name + " is not queryable now: " + e.getMessage(), e);
        }
    }

    private static <V> List<V> all(ReadOnlyKeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> values.add(kv.value));
        } catch (InvalidStateStoreException e) {
            throw new StoresUnavailableException("the store moved while it was read: " + e.getMessage(), e);
        }
        return values;
    }
}
