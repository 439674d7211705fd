package dev.tenure.access.policy;

import java.util.Optional;
import java.util.Set;

/** An attribute a rule's {@code when} or {@code unless} can name, by the key the policy file uses for it. */
public enum PersonAttribute {
    AGENCY("agency"),
    DEPARTMENT("department"),
    JOB_CODE("jobCode"),
    LOCATION("location"),
    EMPLOYMENT_TYPE("employmentType");

    /** The employment types a lifecycle event can carry; a rule naming any other value could never match. */
    public static final Set<String> EMPLOYMENT_TYPES = Set.of("EMPLOYEE", "CONTRACTOR", "INTERN", "TEMPORARY",
            "VOLUNTEER");

    private final String key;

    PersonAttribute(String key) {
        this.key = key;
    }

    /** The key in the policy file, e.g. {@code jobCode}. */
    public String key() {
        return key;
    }

    /**
     * The values this attribute can take when the set of them is closed (employment type), empty when any string
     * is possible (agency, department, job code, location).
     */
    public Set<String> closedValues() {
        return this == EMPLOYMENT_TYPE ? EMPLOYMENT_TYPES : Set.of();
    }

    /** The attribute the policy file calls {@code key} (case-sensitive). */
    public static Optional<PersonAttribute> byKey(String key) {
        for (PersonAttribute attribute : values()) {
            if (attribute.key.equals(key)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
