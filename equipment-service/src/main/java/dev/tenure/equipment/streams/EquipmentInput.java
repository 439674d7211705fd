package dev.tenure.equipment.streams;

import dev.tenure.schemas.equipment.DesksideStepSubmitted;
import dev.tenure.schemas.hr.HrLifecycleEvent;

/** One input of the equipment rules: a lifecycle event or a deskside step, in the order of the person's partition. */
sealed interface EquipmentInput {

    record Lifecycle(HrLifecycleEvent event) implements EquipmentInput {
    }

    record Step(DesksideStepSubmitted step) implements EquipmentInput {
    }
}
