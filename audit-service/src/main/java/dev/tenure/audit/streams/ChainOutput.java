package dev.tenure.audit.streams;

import dev.tenure.schemas.audit.AuditCheckpoint;
import dev.tenure.schemas.audit.AuditRecord;

/** What the chain processor forwards: an audit record for its chain's partition, or a checkpoint of a chain's head. */
sealed interface ChainOutput {

    /** An audit record, to go to audit-log partition {@code chain} (the task's own). */
    record Audit(int chain, AuditRecord record) implements ChainOutput {
    }

    record Head(AuditCheckpoint checkpoint) implements ChainOutput {
    }
}
