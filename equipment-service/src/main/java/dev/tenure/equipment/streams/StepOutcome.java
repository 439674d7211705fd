package dev.tenure.equipment.streams;

import dev.tenure.equipment.domain.EquipmentChange;
import dev.tenure.equipment.domain.PersonEquipment;
import dev.tenure.equipment.domain.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * What became of a deskside step once the topology applied it: the changes published, or why it was refused.
 *
 * @param person the person's equipment afterwards
 */
public record StepOutcome(String stepId, String personId, List<EquipmentChange> changes, Optional<Rejection> rejection,
                          boolean duplicate, PersonEquipment person) {
}
