package dev.tenure.equipment.domain;

import java.util.Optional;

/** Finds the item an asset tag is on while that item is still in use (not finished or cancelled). */
@FunctionalInterface
public interface AssetLookup {

    AssetLookup NONE = assetTag -> Optional.empty();

    Optional<AssetHolder> holderOf(String assetTag);

    /** Where an asset tag is in use. */
    record AssetHolder(String personId, String itemId, ItemState state) {
    }
}
