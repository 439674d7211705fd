package dev.tenure.hr.domain;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * What validation needs from outside a submission: the agency codes that exist, the clock (for "today" in the
 * person's zone) and what was accepted before about each person.
 */
public record IntakeContext(Set<String> knownAgencies, Clock clock, PersonRecords personRecords) {

    public IntakeContext {
        knownAgencies = Set.copyOf(knownAgencies);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(personRecords, "personRecords");
    }
}
