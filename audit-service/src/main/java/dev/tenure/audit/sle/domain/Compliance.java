package dev.tenure.audit.sle.domain;

import java.time.Instant;

/** An aggregate as the dashboard reads it: its counts and the SLE's target, as of {@code updatedAt}. */
public record Compliance(ComplianceKey key, ComplianceCounts counts, double target, Instant updatedAt, long revision) {
}
