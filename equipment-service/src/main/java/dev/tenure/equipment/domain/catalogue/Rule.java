package dev.tenure.equipment.domain.catalogue;

import java.util.List;

/** "When the person matches, they get these catalogue items." */
public record Rule(String name, Condition when, List<String> grant) {

    public Rule {
        grant = List.copyOf(grant);
    }
}
