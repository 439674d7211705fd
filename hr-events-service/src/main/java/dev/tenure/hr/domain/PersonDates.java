package dev.tenure.hr.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the intake accepted before about one person: the latest start date and end date, the agency of their current
 * position and every agency they have held a position in. A date or the agency may be {@code null}, and the agencies
 * empty, when not known (no joiner seen, or no leaver yet).
 */
public record PersonDates(LocalDate startDate, LocalDate endDate, String agency, Set<String> agencies) {

    /** Nothing known yet: what an event about a person not seen before starts from. */
    public static final PersonDates UNKNOWN = new PersonDates(null, null, null, Set.of());

    public PersonDates {
        agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
    }

    /** Dates only, no agency known. */
    public PersonDates(LocalDate startDate, LocalDate endDate) {
        this(startDate, endDate, null, Set.of());
    }

    public static PersonDates startedOn(LocalDate startDate) {
        return new PersonDates(startDate, null);
    }

    public Optional<LocalDate> start() {
        return Optional.ofNullable(startDate);
    }

    public Optional<LocalDate> end() {
        return Optional.ofNullable(endDate);
    }

    /** The agency of the person's current position. */
    public Optional<String> currentAgency() {
        return Optional.ofNullable(agency);
    }

    /**
     * What is known after this event was accepted too: the same rules the ledger applies to the records on the
     * topic ({@code ledger/IntakeLedger}), for submissions not published yet (the earlier rows of one CSV import).
     */
    public PersonDates after(LifecycleSubmission accepted) {
        LocalDate date = accepted.effectiveDate();
        switch (accepted.type()) {
            case JOINER:
            case REHIRE:
                return new PersonDates(date, null, accepted.agency(), plus(accepted.agency()));
            case MOVER:
                return new PersonDates(startDate, endDate, accepted.agency(), plus(accepted.agency()));
            case LEAVER:
            case END_DATE_CHANGED:
                return new PersonDates(startDate, date, agency, agencies);
            case START_DATE_CHANGED:
                return new PersonDates(date, endDate, agency, agencies);
            case JOINER_CANCELLED:
                return new PersonDates(null, endDate, agency, agencies);
            case LEAVER_CANCELLED:
                return new PersonDates(startDate, null, agency, agencies);
            default:
                return this;
        }
    }

    private Set<String> plus(String newAgency) {
        if (agencies.contains(newAgency)) {
            return agencies;
        }
        Set<String> more = new HashSet<>(agencies);
        more.add(newAgency);
        return more;
    }
}
