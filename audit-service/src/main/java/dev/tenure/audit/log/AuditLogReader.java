package dev.tenure.audit.log;

import dev.tenure.audit.domain.ChainReport;
import dev.tenure.audit.domain.ChainVerifier;
import dev.tenure.audit.domain.Checkpoint;
import dev.tenure.audit.domain.LoggedEntry;
import dev.tenure.audit.domain.Verification;
import dev.tenure.schemas.audit.AuditCheckpoint;
import dev.tenure.schemas.audit.AuditRecord;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads an audit log (and its checkpoints) as any consumer sees it — committed records only, from the beginning to
 * the end at the time of reading — with a consumer of its own that joins no group. One partition at a time, lazily,
 * so a long log is verified without holding it in memory.
 */
public final class AuditLogReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALL = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final RegistryAvroDeserializer<AuditRecord> records;
    private final RegistryAvroDeserializer<AuditCheckpoint> checkpoints;

    public AuditLogReader(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.records = new RegistryAvroDeserializer<>(AuditRecord.class, registryUrl);
        this.checkpoints = new RegistryAvroDeserializer<>(AuditCheckpoint.class, registryUrl);
    }

    /** Verifies every partition of {@code logTopic} against the latest checkpoint of each on {@code checkpointTopic}. */
    public Verification verify(String logTopic, String checkpointTopic) {
        Map<Integer, Checkpoint> latest = checkpointTopic == null ? Map.of() : latestCheckpoints(checkpointTopic);
        List<ChainReport> reports = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (int partition : partitions(consumer, logTopic)) {
                reports.add(ChainVerifier.verify(partition, entries(consumer, logTopic, partition),
                        latest.get(partition)));
            }
        }
        return new Verification(reports);
    }

    /** Every partition's records, in offset order. */
    public Map<Integer, List<LoggedEntry>> readAll(String logTopic) {
        Map<Integer, List<LoggedEntry>> log = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (int partition : partitions(consumer, logTopic)) {
                List<LoggedEntry> chain = new ArrayList<>();
                entries(consumer, logTopic, partition).forEachRemaining(chain::add);
                log.put(partition, chain);
            }
        }
        return log;
    }

    /** Every checkpoint published, in the order published. */
    public List<Checkpoint> checkpoints(String checkpointTopic) {
        List<Checkpoint> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (int partition : partitions(consumer, checkpointTopic)) {
                read(consumer, checkpointTopic, partition, r -> r.value() == null ? null
                        : AuditRecords.fromAvro(checkpoints.deserialize(checkpointTopic, r.value())))
                        .forEachRemaining(all::add);
            }
        }
        return all;
    }

    /** The furthest checkpoint of each chain (the highest sequence: a late duplicate never moves it back). */
    public Map<Integer, Checkpoint> latestCheckpoints(String checkpointTopic) {
        Map<Integer, Checkpoint> latest = new LinkedHashMap<>();
        checkpoints(checkpointTopic).forEach(c -> latest.merge(c.partition(), c,
                (a, b) -> b.sequence() >= a.sequence() ? b : a));
        return latest;
    }

    private Iterator<LoggedEntry> entries(KafkaConsumer<String, byte[]> consumer, String topic, int partition) {
        return read(consumer, topic, partition, r -> new LoggedEntry(r.partition(), r.offset(), r.key(), decode(topic, r)));
    }

    /** The record as an entry, or null when its bytes are no AuditRecord (the verifier reports it as edited). */
    private dev.tenure.audit.domain.AuditEntry decode(String topic, ConsumerRecord<String, byte[]> r) {
        try {
            return r.value() == null ? null : AuditRecords.fromAvro(records.deserialize(topic, r.value()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<Integer> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(p -> p.partition()).sorted(Comparator.naturalOrder()).toList();
    }

    /** The partition's records from the beginning to its end now, converted one poll at a time. */
    private static <T> Iterator<T> read(KafkaConsumer<String, byte[]> consumer, String topic, int partition,
                                        Function<ConsumerRecord<String, byte[]>, T> convert) {
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        return new Iterator<>() {
            private final Deque<T> buffer = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                long stalledSince = System.nanoTime();
                while (buffer.isEmpty() && consumer.position(tp) < end) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL).records(tp)) {
                        if (r.offset() < end) {
                            T converted = convert.apply(r);
                            if (converted != null) {
                                buffer.add(converted);
                            }
                        }
                    }
                    if (buffer.isEmpty() && System.nanoTime() - stalledSince > STALL.toNanos()) {
                        throw new IllegalStateException("reading " + tp + " made no progress in " + STALL.toSeconds()
                                + " s (position " + consumer.position(tp) + ", end " + end + ")");
                    }
                }
                return !buffer.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
    }
}
