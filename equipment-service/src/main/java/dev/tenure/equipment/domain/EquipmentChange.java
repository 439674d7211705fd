package dev.tenure.equipment.domain;

import java.time.Instant;

/**
 * One change of one item, as it is published: everything an auditor or the SLE topology needs about it.
 *
 * @param eventId       derived from the item id and the step's position in its history: the same change always
 *                      has the same id
 * @param previousState null for a new request
 * @param causationId   the lifecycle event (also for the cut-off it scheduled) or the deskside step
 */
public record EquipmentChange(String eventId, Instant occurredAt, String causationId, String correlationId,
                              String personId, String agency, String itemId, String catalogueItem,
                              String catalogueVersion, ItemType type, String model, String assetTag,
                              String serialNumber, ItemState previousState, ItemState state, ChangeKind change,
                              Instant dueAt, String site, String actor, String reason) {
}
