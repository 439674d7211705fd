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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest status of every case (read back from sle-case-status, whose partitions hold all cases of an SLE and
 * agency together) and the aggregates per SLE, agency, week and month: a case's previous status is taken out of the
 * aggregates it was counted in and its new one put into those of its (possibly corrected) date, so a case is counted
 * once whatever happens to it; the same status again changes nothing. Each changed aggregate goes to sle-compliance;
 * one left with no case is deleted (a tombstone).
 */
final class SleComplianceProcessor implements Processor<String, SleCaseStatus, String, SleCompliance> {

    private final SleSettings settings;
    private final Clock clock;
    private ProcessorContext<String, SleCompliance> context;
    private KeyValueStore<String, CaseView> cases;
    private KeyValueStore<String, Compliance> aggregates;

    SleComplianceProcessor(SleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SleCompliance> context) {
        this.context = context;
        this.cases = context.getStateStore(SleTopology.CASE_STATUS_STORE);
        this.aggregates = context.getStateStore(SleTopology.COMPLIANCE_STORE);
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
        Map<ComplianceKey, ComplianceCounts> change = ComplianceTally.change(ComplianceTally.Counted.of(before),
                ComplianceTally.Counted.of(after.orElse(null)));
        if (change.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String causationId = record.value() == null ? null : record.value().getEventId();
        change.forEach((key, delta) -> update(key, delta, now, causationId, record.timestamp()));
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
