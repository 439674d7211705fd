package dev.tenure.hr.ledger;

import dev.tenure.schemas.hr.Position;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * What the intake knows of a person from the events it accepted: dates, current position, and the agencies of the
 * positions they held before it (a VPN revoke may come from an agency they transferred out of). Those are kept only
 * when they differ from the current one, so a person who never changed agency costs no set of their own.
 */
public record PersonView(LocalDate startDate, LocalDate endDate, Position position, Set<String> earlierAgencies) {

    static final PersonView UNKNOWN = new PersonView(null, null, null);

    public PersonView {
        earlierAgencies = Set.copyOf(earlierAgencies);
    }

    /** No other agency held before (see {@link #withAgenciesOf}). */
    public PersonView(LocalDate startDate, LocalDate endDate, Position position) {
        this(startDate, endDate, position, Set.of());
    }

    PersonView withStart(LocalDate start) {
        return new PersonView(start, endDate, position, earlierAgencies);
    }

    PersonView withEnd(LocalDate end) {
        return new PersonView(startDate, end, position, earlierAgencies);
    }

    /** Moved to a new position, which may be in another agency. */
    PersonView withPosition(Position newPosition) {
        return new PersonView(startDate, endDate, newPosition, plus(earlierAgencies, agency(), newPosition.getAgency()));
    }

    /** This view, still remembering the agencies an earlier view of the person held (a rehire forgets none). */
    PersonView withAgenciesOf(PersonView earlier) {
        Set<String> all = plus(earlierAgencies, earlier.agency(), agency());
        for (String agency : earlier.earlierAgencies) {
            all = plus(all, agency, agency());
        }
        return all == earlierAgencies ? this : new PersonView(startDate, endDate, position, all);
    }

    /** The agency of the current position, or null when no position is known. */
    public String agency() {
        return position == null ? null : position.getAgency();
    }

    /** Every agency the person has held a position in, the current one included. */
    public Set<String> agencies() {
        String current = agency();
        return current == null ? earlierAgencies : plus(earlierAgencies, current, null);
    }

    /** {@code agencies} with {@code agency} added, unless it is null, {@code current}, or already there. */
    private static Set<String> plus(Set<String> agencies, String agency, String current) {
        if (agency == null || agency.equals(current) || agencies.contains(agency)) {
            return agencies;
        } else if (agencies.isEmpty()) {
            return Set.of(agency);
        }
        Set<String> more = new HashSet<>(agencies);
        more.add(agency);
        return more;
    }
}
