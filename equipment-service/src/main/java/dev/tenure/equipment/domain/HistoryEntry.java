package dev.tenure.equipment.domain;

import java.time.Instant;

/**
 * One step of an item's life, as recorded: what changed, the state after it, when, by whom, with which asset, why,
 * and the event (lifecycle event or deskside step) that caused it.
 */
public record HistoryEntry(ChangeKind change, ItemState state, Instant at, String actor, String assetTag,
                           String serialNumber, Instant dueAt, String reason, String causationId) {
}
