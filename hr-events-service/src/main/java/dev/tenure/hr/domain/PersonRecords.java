package dev.tenure.hr.domain;

import java.util.Map;
import java.util.Optional;

/** Looks up what was accepted before about a person, so a submission can be checked against it. */
@FunctionalInterface
public interface PersonRecords {

    Optional<PersonDates> find(String personId);

    /** No person is known: the checks against earlier events are skipped (and a VPN request is refused). */
    static PersonRecords none() {
        return personId -> Optional.empty();
    }

    static PersonRecords of(Map<String, PersonDates> known) {
        Map<String, PersonDates> copy = Map.copyOf(known);
        return personId -> Optional.ofNullable(copy.get(personId));
    }

    /** What {@code newer} knows of a person, else what this knows. */
    default PersonRecords overlaidWith(Map<String, PersonDates> newer) {
        return personId -> {
            PersonDates latest = newer.get(personId);
            return latest != null ? Optional.of(latest) : find(personId);
        };
    }
}
