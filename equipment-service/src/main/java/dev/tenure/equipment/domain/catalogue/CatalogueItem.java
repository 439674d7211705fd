package dev.tenure.equipment.domain.catalogue;

import dev.tenure.equipment.domain.ItemType;

/**
 * One thing the catalogue can hand out.
 *
 * @param id           the catalogue key, e.g. {@code laptop-standard}
 * @param type         what kind of item it is
 * @param model        the model handed out, e.g. "Dell Latitude 7450"
 * @param leadTimeDays days before the needed date by which it must ship
 */
public record CatalogueItem(String id, ItemType type, String model, int leadTimeDays) {
}
