package dev.tenure.access.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule of the policy: everyone who satisfies {@code when} and not {@code unless} is granted the entitlements
 * listed in {@code grant} (by id).
 */
public record Rule(String name, Condition when, Optional<Condition> unless, List<String> grant) {

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(unless, "unless");
        grant = List.copyOf(grant);
    }

    public boolean appliesTo(PersonAttributes person) {
        return when.matches(person) && !(unless.isPresent() && unless.get().matches(person));
    }
}
