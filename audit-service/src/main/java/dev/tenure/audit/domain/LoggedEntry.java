package dev.tenure.audit.domain;

/** An audit record where it stands in the log: its partition, its offset and its record key; null when unreadable. */
public record LoggedEntry(int partition, long offset, String key, AuditEntry entry) {
}
