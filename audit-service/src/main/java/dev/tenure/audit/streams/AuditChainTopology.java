package dev.tenure.audit.streams;

import dev.tenure.schemas.audit.AuditCheckpoint;
import dev.tenure.schemas.audit.AuditRecord;
import dev.tenure.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

/**
 * The audit chain:
 * <pre>
 * hr-lifecycle-events ─┐
 * access-events ───────┼─▶ audit-chain (store: audit-chain-heads) ─┬─▶ audit-log          (task p → partition p)
 * equipment-events ────┘                                           └─▶ audit-checkpoints  (each head that moved)
 * </pre>
 * The three inputs are keyed by person id with the same partition count, so they form one sub-topology whose task p
 * reads partition p of each and is the only writer of audit-log partition p: each chain has one writer, and its head
 * (in the store) and its records commit together. Values are read as bytes, so the digest is of the record exactly as
 * it was on its topic and a record that cannot be read is still recorded. Every node and the store are named.
 */
public final class AuditChainTopology {

    public static final String PROCESSOR = "audit-chain";
    public static final String HEADS_STORE = "audit-chain-heads";
    public static final String AUDIT_SINK = "audit-log-sink";
    public static final String CHECKPOINT_SINK = "audit-checkpoints-sink";

    /** What the topology needs: how to read the inputs, how to write the outputs, the clock, how often to checkpoint. */
    public record Settings(AuditedTopics inputs, Serializer<AuditRecord> records,
                           Serializer<AuditCheckpoint> checkpoints, Clock clock, Duration checkpointInterval) {
    }

    private AuditChainTopology() {
    }

    public static Topology build(Settings settings) {
        Topology topology = new Topology();
        String[] sources = AuditedTopics.NAMES.stream().map(topic -> topic + "-source").toArray(String[]::new);
        for (int i = 0; i < sources.length; i++) {
            topology.addSource(sources[i], Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                    AuditedTopics.NAMES.get(i));
        }
        topology.addProcessor(PROCESSOR, () -> new AuditChainProcessor(settings.inputs(), settings.clock(),
                settings.checkpointInterval()), sources);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEADS_STORE),
                Serdes.String(), Serdes.String()), PROCESSOR);
        topology.addSink(AUDIT_SINK, Topics.AUDIT_LOG.name(), Serdes.String().serializer(),
                (Serializer<ChainOutput>) (topic, out) -> settings.records().serialize(topic,
                        ((ChainOutput.Audit) out).record()), chainPartition(), PROCESSOR);
        topology.addSink(CHECKPOINT_SINK, Topics.AUDIT_CHECKPOINTS.name(), Serdes.String().serializer(),
                (Serializer<ChainOutput>) (topic, out) -> settings.checkpoints().serialize(topic,
                        ((ChainOutput.Head) out).checkpoint()), PROCESSOR);
        return topology;
    }

    /** Each audit record goes to the partition of the task that chained it, whatever its key would hash to. */
    private static StreamPartitioner<String, ChainOutput> chainPartition() {
        return new StreamPartitioner<>() {
            @Override
            public Optional<Set<Integer>> partitions(String topic, String key, ChainOutput value, int numPartitions) {
                int chain = ((ChainOutput.Audit) value).chain();
                if (chain >= numPartitions) {
                    throw new IllegalStateException(topic + " has " + numPartitions + " partitions, fewer than the "
                            + "audited topics: chain " + chain + " has nowhere to go");
                }
                return Optional.of(Set.of(chain));
            }
        };
    }
}
