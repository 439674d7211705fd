package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.AssetLookup;
import dev.tenure.equipment.domain.Item;
import dev.tenure.equipment.domain.PersonEquipment;
import java.util.Optional;
import java.util.function.Function;

/** The asset index's values: "personId/itemId" of the item an asset tag is on. */
public final class AssetIndex {

    private AssetIndex() {
    }

    static String ref(String personId, String itemId) {
        return personId + "/" + itemId;
    }

    /** The holder the index entry points at, if that item still has the asset and is in use. */
    public static Optional<AssetLookup.AssetHolder> holderOf(String ref, Function<String, PersonEquipment> people) {
        if (ref == null) {
            return Optional.empty();
        }
        int slash = ref.lastIndexOf('/');
        String personId = ref.substring(0, slash);
        String itemId = ref.substring(slash + 1);
        PersonEquipment person = people.apply(personId);
        if (person == null) {
            return Optional.empty();
        }
        return person.item(itemId).filter(item -> !item.state().isTerminal())
                .map(item -> new AssetLookup.AssetHolder(personId, itemId, item.state()));
    }

    /** The item an index entry points at. */
    public static Optional<Item> itemOf(String ref, Function<String, PersonEquipment> people) {
        return holderOf(ref, people).flatMap(holder -> people.apply(holder.personId()).item(holder.itemId()));
    }

    /** The person id of an index entry. */
    public static String personOf(String ref) {
        return ref.substring(0, ref.lastIndexOf('/'));
    }
}
