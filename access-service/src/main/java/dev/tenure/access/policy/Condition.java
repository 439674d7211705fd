package dev.tenure.access.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A rule's {@code when} or {@code unless}: for each attribute named, the values accepted. A person satisfies it when
 * every named attribute has one of its accepted values (exact, case-sensitive comparison); a condition that names no
 * attribute is satisfied by everyone.
 */
public record Condition(Map<PersonAttribute, Set<String>> accepted) {

    /** The condition everyone satisfies. */
    public static final Condition EVERYONE = new Condition(Map.of());

    public Condition {
        Objects.requireNonNull(accepted, "accepted");
        Map<PersonAttribute, Set<String>> copy = new EnumMap<>(PersonAttribute.class);
        accepted.forEach((attribute, values) -> copy.put(attribute,
                Collections.unmodifiableSet(new LinkedHashSet<>(values))));
        accepted = Collections.unmodifiableMap(copy);
    }

    public boolean matches(PersonAttributes person) {
        for (Map.Entry<PersonAttribute, Set<String>> entry : accepted.entrySet()) {
            String value = person.get(entry.getKey());
            if (value == null || !entry.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEveryone() {
        return accepted.isEmpty();
    }
}
