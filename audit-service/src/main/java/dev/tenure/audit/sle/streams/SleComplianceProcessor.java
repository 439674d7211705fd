package dev.tenure.audit.sle.streams;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.ComplianceCounts;
import dev.tenure.audit.sle.domain.ComplianceKey;
import dev.tenure.audit.sle.domain.ComplianceTally;
import dev.tenure.audit.sle.domain.SleSettings;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.sle.SleCompliance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest status of every case (read back from sle-case-status, whose partitions hold all cases of an SLE and
 * agency together) and the aggregates per SLE, agency, week and month: a case's previous status is taken out of the
 * aggregates it was counted in and its new one put into those of its (possibly corrected) date, so a case is counted
 * once whatever happens to it; the same status again changes nothing. Each changed aggregate goes to sle-compliance;
 * one left with no case is deleted (a tombstone).
 *
 * <p>It also keeps the index of the cases by status, agency and due time ({@link CaseIndex}): each case's entries move
 * with its status and due time, in the same transaction as the case. A wall-clock punctuation soon after the task
 * starts builds the index from the case store if it was never built (a new store beside existing cases), and marks it
 * built ({@link CaseIndex#VERSION_KEY}); readers wait for that mark.
 */
final class SleComplianceProcessor implements Processor<String, SleCaseStatus, String, SleCompliance> {

    /** How soon after the task starts the index is checked (and built if it never was). */
    static final Duration INDEX_CHECK = Duration.ofMillis(100);

    private final SleSettings settings;
    private final Clock clock;
    private ProcessorContext<String, SleCompliance> context;
    private KeyValueStore<String, CaseView> cases;
    private KeyValueStore<String, Compliance> aggregates;
    private KeyValueStore<String, String> index;
    private Cancellable indexCheck;

    SleComplianceProcessor(SleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SleCompliance> context) {
        this.context = context;
        this.cases = context.getStateStore(SleTopology.CASE_STATUS_STORE);
        this.aggregates = context.getStateStore(SleTopology.COMPLIANCE_STORE);
        this.index = context.getStateStore(SleTopology.CASE_INDEX_STORE);
        this.indexCheck = context.schedule(INDEX_CHECK, PunctuationType.WALL_CLOCK_TIME, ignored -> ensureIndex());
    }

    @Override
    public void process(Record<String, SleCaseStatus> record) {
        String caseId = record.key();
        if (caseId == null) {
            return;
        }
        Optional<CaseView> after = record.value() == null ? Optional.empty() : SleRecords.view(record.value());
        if (record.value() != null && after.isEmpty()) {
            return; // an SLE or status this version does not know: it cannot be counted, nor uncount the old one
        }
        CaseView before = cases.get(caseId);
        if (after.isPresent()) {
            cases.put(caseId, after.get());
        } else {
            cases.delete(caseId);
        }
        CaseIndex.Change moved = CaseIndex.change(before, after.orElse(null));
        moved.removed().forEach(index::delete);
        moved.added().forEach(index::put);
        Map<ComplianceKey, ComplianceCounts> change = ComplianceTally.change(ComplianceTally.Counted.of(before),
                ComplianceTally.Counted.of(after.orElse(null)));
        if (change.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String causationId = record.value() == null ? null : record.value().getEventId();
        change.forEach((key, delta) -> update(key, delta, now, causationId, record.timestamp()));
    }

    /** Once: every case into the index unless it was built already, then the mark that it is. */
    private void ensureIndex() {
        indexCheck.cancel();
        if (CaseIndex.VERSION.equals(index.get(CaseIndex.VERSION_KEY))) {
            return;
        }
        try (KeyValueIterator<String, CaseView> all = cases.all()) {
            all.forEachRemaining(entry -> CaseIndex.entries(entry.value).forEach(index::put));
        }
        index.put(CaseIndex.VERSION_KEY, CaseIndex.VERSION);
    }

    private void update(ComplianceKey key, ComplianceCounts delta, Instant now, String causationId, long timestamp) {
        String text = key.asText();
        Compliance old = aggregates.get(text);
        ComplianceCounts counts = (old == null ? ComplianceCounts.NONE : old.counts()).plus(delta);
        if (counts.total() <= 0) {
            aggregates.delete(text);
            context.forward(new Record<>(text, null, timestamp));
            return;
        }
        Compliance updated = new Compliance(key, counts, settings.target(key.sle()), now,
                old == null ? 1 : old.revision() + 1);
        aggregates.put(text, updated);
        context.forward(new Record<>(text, SleRecords.compliance(updated, causationId), timestamp));
    }
}
