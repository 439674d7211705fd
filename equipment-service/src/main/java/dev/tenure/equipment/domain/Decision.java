package dev.tenure.equipment.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the rules decided: the person's state afterwards and the changes to publish, or why a deskside step was
 * refused (then the state is the one before and there is nothing to publish).
 */
public record Decision(PersonEquipment person, List<EquipmentChange> changes, Optional<Rejection> rejection,
                       boolean duplicate) {

    public Decision {
        changes = List.copyOf(changes);
    }

    static Decision applied(PersonEquipment person, List<EquipmentChange> changes) {
        return new Decision(person, changes, Optional.empty(), false);
    }

    static Decision rejected(PersonEquipment unchanged, Rejection rejection) {
        return new Decision(unchanged, List.of(), Optional.of(rejection), false);
    }

    static Decision alreadyApplied(PersonEquipment unchanged) {
        return new Decision(unchanged, List.of(), Optional.empty(), true);
    }

    public boolean isRejected() {
        return rejection.isPresent();
    }
}
