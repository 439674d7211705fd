package dev.tenure.audit.domain;

import java.time.Instant;

/** A published head of one chain: the log's partition must still hold {@code sequence} with {@code hash}. */
public record Checkpoint(int partition, long sequence, String hash, Instant at) {
}
