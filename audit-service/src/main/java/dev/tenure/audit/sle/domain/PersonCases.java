package dev.tenure.audit.sle.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the SLE rules keep about one person.
 *
 * @param positionZone the zone of the person's position, from their latest joiner or move (null when unknown): a
 *                     leaver's dates are reckoned in it, as access-service's planner does
 * @param cases        the cases not final yet, oldest first
 * @param unmatched    evidence waiting for the lifecycle event that caused it
 * @param seenEvents   every lifecycle event applied: a redelivered one changes nothing, and work it caused that no
 *                     case wants is dropped rather than kept as unmatched
 * @param wakeAt       when the rules next have something to do for this person by time alone (null: nothing)
 */
public record PersonCases(String personId, String positionZone, List<SleCase> cases, List<Unmatched> unmatched,
                          Set<String> seenEvents, Instant wakeAt) {

    public PersonCases {
        Objects.requireNonNull(personId, "personId");
        cases = cases == null ? List.of() : List.copyOf(cases);
        unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
        seenEvents = seenEvents == null ? Set.of() : Set.copyOf(seenEvents);
    }

    public static PersonCases empty(String personId) {
        return new PersonCases(personId, null, List.of(), List.of(), Set.of(), null);
    }
}
