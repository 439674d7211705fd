package dev.tenure.audit.log;

import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.audit.domain.Checkpoint;
import dev.tenure.schemas.audit.AuditCheckpoint;
import dev.tenure.schemas.audit.AuditRecord;

/** The Avro records of audit-log and audit-checkpoints, and the plain Java the domain reasons about. */
public final class AuditRecords {

    private AuditRecords() {
    }

    public static AuditRecord toAvro(AuditEntry e) {
        // Built field by field: Avro's copying builder deep-copies through the global model (see HrEvents in tests).
        return AuditRecord.newBuilder().setEventId(e.eventId()).setOccurredAt(e.occurredAt())
                .setCausationId(e.causationId()).setCorrelationId(e.correlationId()).setSource(e.source())
                .setSequence(e.sequence()).setActor(e.actor()).setAction(e.action())
                .setSubjectPersonId(e.subjectPersonId()).setTarget(e.target()).setEffectiveAt(e.effectiveAt())
                .setRecordedAt(e.recordedAt()).setSourceTopic(e.sourceTopic()).setSourcePartition(e.sourcePartition())
                .setSourceOffset(e.sourceOffset()).setPayloadDigest(e.payloadDigest())
                .setPreviousHash(e.previousHash()).setHash(e.hash()).build();
    }

    public static AuditEntry fromAvro(AuditRecord r) {
        return new AuditEntry(r.getEventId(), r.getOccurredAt(), r.getCausationId(), r.getCorrelationId(),
                r.getSource(), r.getSequence(), r.getActor(), r.getAction(), r.getSubjectPersonId(), r.getTarget(),
                r.getEffectiveAt(), r.getRecordedAt(), r.getSourceTopic(), r.getSourcePartition(), r.getSourceOffset(),
                r.getPayloadDigest(), r.getPreviousHash(), r.getHash());
    }

    public static Checkpoint fromAvro(AuditCheckpoint c) {
        return new Checkpoint(c.getLogPartition(), c.getSequence(), c.getHash(), c.getOccurredAt());
    }
}
