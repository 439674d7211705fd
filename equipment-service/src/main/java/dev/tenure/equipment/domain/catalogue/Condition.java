package dev.tenure.equipment.domain.catalogue;

import java.util.Set;

/**
 * When a rule applies: every attribute given must match one of its values (AND across attributes, OR within one);
 * an empty set does not constrain. No attribute at all: the rule applies to everyone.
 */
public record Condition(Set<String> jobFamilies, Set<String> jobCodes, Set<String> departments, Set<String> agencies,
                        Set<String> locations, Set<String> employmentTypes) {

    public static final Condition ALWAYS = new Condition(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Condition {
        jobFamilies = Set.copyOf(jobFamilies);
        jobCodes = Set.copyOf(jobCodes);
        departments = Set.copyOf(departments);
        agencies = Set.copyOf(agencies);
        locations = Set.copyOf(locations);
        employmentTypes = Set.copyOf(employmentTypes);
    }

    /** @param jobFamily the person's job family, or null when none includes their job */
    public boolean matches(PersonProfile person, String jobFamily) {
        return allows(jobFamilies, jobFamily)
                && allows(jobCodes, person.jobCode())
                && allows(departments, person.department())
                && allows(agencies, person.agency())
                && allows(locations, person.location())
                && allows(employmentTypes, person.employmentType());
    }

    private static boolean allows(Set<String> values, String actual) {
        return values.isEmpty() || (actual != null && values.contains(actual));
    }
}
