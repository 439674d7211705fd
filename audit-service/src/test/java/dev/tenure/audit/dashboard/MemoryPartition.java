package dev.tenure.audit.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.streams.CaseIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * One partition's case store and case index, in Kafka's in-memory stores (keys in byte order, as in RocksDB), filled
 * as the compliance processor fills them: each case and its {@link CaseIndex} entries.
 */
final class MemoryPartition {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    final KeyValueStore<String, CaseView> cases;
    final KeyValueStore<String, String> index;
    final CaseIndexReader.Partition partition;

    private MemoryPartition(int number) {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        cases = store("cases-" + number, Serdes.serdeFrom((topic, view) -> write(view), (topic, json) -> read(json)),
                context);
        index = store("index-" + number, Serdes.String(), context);
        partition = new CaseIndexReader.Partition(number, index, cases);
    }

    /** A partition whose index was built, holding {@code views}. */
    static MemoryPartition of(int number, List<CaseView> views) {
        MemoryPartition memory = new MemoryPartition(number);
        views.forEach(memory::put);
        memory.index.put(CaseIndex.VERSION_KEY, CaseIndex.VERSION);
        return memory;
    }

    /** A partition whose cases are there but whose index was never built. */
    static MemoryPartition unbuilt(int number, List<CaseView> views) {
        MemoryPartition memory = new MemoryPartition(number);
        views.forEach(view -> memory.cases.put(view.caseId(), view));
        return memory;
    }

    void put(CaseView view) {
        cases.put(view.caseId(), view);
        CaseIndex.entries(view).forEach(index::put);
    }

    private static byte[] write(CaseView view) {
        try {
            return view == null ? null : JSON.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseView read(byte[] json) {
        try {
            return json == null ? null : JSON.readValue(json, CaseView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <V> KeyValueStore<String, V> store(String name, Serde<V> values,
                                                      MockProcessorContext<Object, Object> context) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
