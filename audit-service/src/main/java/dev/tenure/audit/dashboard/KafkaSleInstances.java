package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.streams.SleTopology;
import dev.tenure.schemas.topics.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;
import org.apache.kafka.common.TopicPartition;
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

    @Inject
    DashboardScans scans;

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
    public CasePage localCasePage(CaseQuery query) {
        KafkaStreams streams = running();
        List<CaseIndexReader.Partition> partitions = new ArrayList<>();
        for (int partition : localPartitions(streams)) {
            partitions.add(new CaseIndexReader.Partition(partition,
                    this.<String>store(SleTopology.CASE_INDEX_STORE, partition),
                    this.<CaseView>store(SleTopology.CASE_STATUS_STORE, partition)));
        }
        try {
            return CaseIndexReader.page(partitions, query,
                    () -> scans.caseCount(query, () -> CaseIndexReader.count(partitions, query)));
        } catch (InvalidStateStoreException e) {
            throw new StoresUnavailableException("the store moved while it was read: " + e.getMessage(), e);
        }
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

    /** The partitions of sle-case-status (and so of the case stores) whose active tasks run here. */
    private static List<Integer> localPartitions(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(Topics.SLE_CASE_STATUS.name()))
                .map(TopicPartition::partition).distinct().sorted().toList();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return query(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** One partition's store: only within one are a range's keys in order. */
    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return query(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    private <V> ReadOnlyKeyValueStore<String, V> query(StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> store) {
        try {
            return running().store(store);
        } catch (InvalidStateStoreException e) {
            throw new StoresUnavailableException(store.storeName() + " is not queryable now: " + e.getMessage(), e);
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
