package dev.tenure.audit.domain;

import java.time.Instant;
import java.util.List;

/**
 * An export of audit records for a person or a period, with what it takes to re-verify them offline: the records
 * (full), the links of their chains from the first exported record to an anchor, and the anchors — the published
 * checkpoints (or, before one is published, the chain's head) the links end at. An auditor compares the anchors with
 * the checkpoints published on {@code audit-checkpoints}.
 *
 * @param scope  what was asked for, e.g. {@code person P-1} or {@code occurredAt 2027-01-01T00:00:00Z..2027-02-01T00:00:00Z}
 */
public record Evidence(String scope, Instant exportedAt, List<LoggedEntry> records, List<ChainLink> links,
                       List<Checkpoint> anchors) {

    public static final String FORMAT = "tenure-audit-evidence-v1";

    public Evidence {
        records = List.copyOf(records);
        links = List.copyOf(links);
        anchors = List.copyOf(anchors);
    }
}
