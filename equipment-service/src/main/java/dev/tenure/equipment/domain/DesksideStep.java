package dev.tenure.equipment.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A deskside team member's record that an item reached {@code target}.
 *
 * @param stepId      unique id of the step (the idempotency key)
 * @param assetTag    required to assign (or to prepare an item with no asset yet); otherwise, when given, it must be
 *                    the item's
 * @param submittedAt when it was submitted
 */
public record DesksideStep(String stepId, String personId, String itemId, ItemState target, String assetTag,
                           String serialNumber, String note, String actor, String correlationId, Instant submittedAt) {

    /** The states a deskside step can record; the others are set by the service itself. */
    public static final Set<ItemState> RECORDABLE = EnumSet.of(ItemState.ASSIGNED, ItemState.PREPARED,
            ItemState.SHIPPED, ItemState.DELIVERED, ItemState.COLLECTED, ItemState.WIPED, ItemState.REDEPLOYED,
            ItemState.RETIRED, ItemState.LOST, ItemState.STOLEN);
}
