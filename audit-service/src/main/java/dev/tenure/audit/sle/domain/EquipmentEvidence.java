package dev.tenure.audit.sle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of one item of equipment ({@code itemId}, stable across its life), at {@code at}. The service's own
 * changes carry the lifecycle event that caused them ({@code causationId}); a deskside step carries the step's id, so
 * later changes of an item are matched by the item.
 */
public record EquipmentEvidence(String eventId, String itemId, String causationId, String correlationId,
                                ItemChange change, ItemState state, String itemType, Instant at) {

    public EquipmentEvidence {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
