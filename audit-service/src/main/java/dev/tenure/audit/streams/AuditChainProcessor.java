package dev.tenure.audit.streams;

import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.audit.domain.AuditFacts;
import dev.tenure.audit.domain.AuditMapping;
import dev.tenure.audit.domain.ChainHash;
import dev.tenure.audit.domain.ChainHead;
import dev.tenure.audit.domain.SourcePosition;
import dev.tenure.audit.log.AuditRecords;
import dev.tenure.schemas.audit.AuditCheckpoint;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Appends one audit record per audited record to the chain of its task's partition: reads the chain's head from the
 * store, places the record after it, stores the new head and forwards the record. Under exactly_once_v2 the head's
 * changelog write, the record and the input offset commit in one transaction, so a crash or a replay never forks
 * the chain nor writes a record twice. A wall-clock punctuator forwards the head as a checkpoint when it moved.
 */
final class AuditChainProcessor implements Processor<String, byte[], String, ChainOutput> {

    private static final Logger LOG = Logger.getLogger(AuditChainProcessor.class);

    private final AuditedTopics topics;
    private final Clock clock;
    private final Duration checkpointInterval;

    private ProcessorContext<String, ChainOutput> context;
    private KeyValueStore<String, String> heads;
    private int chain;
    private long checkpointed = -1;

    AuditChainProcessor(AuditedTopics topics, Clock clock, Duration checkpointInterval) {
        this.topics = topics;
        this.clock = clock;
        this.checkpointInterval = checkpointInterval;
    }

    @Override
    public void init(ProcessorContext<String, ChainOutput> context) {
        this.context = context;
        this.heads = context.getStateStore(AuditChainTopology.HEADS_STORE);
        this.chain = context.taskId().partition();
        context.schedule(checkpointInterval, PunctuationType.WALL_CLOCK_TIME, at -> checkpoint());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        SourcePosition position = new SourcePosition(metadata.topic(), metadata.partition(), metadata.offset());
        byte[] value = record.value();
        AuditFacts facts;
        try {
            facts = topics.read(position.topic(), value);
        } catch (RuntimeException e) {
            LOG.warnf("recorded %s as %s: %s", position, AuditMapping.UNREADABLE, e.toString());
            facts = AuditMapping.unreadable(record.key(), Instant.ofEpochMilli(record.timestamp()));
        }
        String digest = ChainHash.sha256(value == null ? new byte[0] : value);
        ChainHead head = head();
        AuditEntry entry = head.append(facts, position, digest, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        heads.put(headKey(chain), ChainHead.of(entry).format());
        context.forward(new Record<String, ChainOutput>(entry.subjectPersonId(),
                new ChainOutput.Audit(chain, AuditRecords.toAvro(entry)), record.timestamp()),
                AuditChainTopology.AUDIT_SINK);
    }

    /** Forwards the head as a checkpoint if it moved since the last one (in the same transaction as its records). */
    private void checkpoint() {
        ChainHead head = head();
        if (head.isEmpty() || head.sequence() == checkpointed) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditCheckpoint checkpoint = AuditCheckpoint.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("audit-log/" + chain + "/" + head.sequence())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(now).setCausationId(null).setCorrelationId(headKey(chain))
                .setSource(ChainHead.AUDIT_SOURCE).setLogPartition(chain).setSequence(head.sequence())
                .setHash(head.hash()).build();
        // The record's timestamp is wall-clock time: the service clock may be a simulated one, and the broker refuses
        // timestamps an hour or more ahead (the checkpoint's own time travels in occurredAt).
        context.forward(new Record<String, ChainOutput>(Integer.toString(chain), new ChainOutput.Head(checkpoint),
                context.currentSystemTimeMs()), AuditChainTopology.CHECKPOINT_SINK);
        checkpointed = head.sequence();
    }

    private ChainHead head() {
        String stored = heads.get(headKey(chain));
        return stored == null ? ChainHead.EMPTY : ChainHead.parse(stored);
    }

    /** The store's key of a chain's head: "audit-log-<partition>". */
    static String headKey(int chain) {
        return "audit-log-" + chain;
    }
}
