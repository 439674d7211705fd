package dev.tenure.access.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything access-service keeps about one person: the facts from HR, the phase the account is in, the entitlements
 * currently granted (as commanded so far), the VPN grants a DSO requested, the pending milestones (the durable timers)
 * and the HR events already applied (so a redelivered event changes nothing). Immutable: the planner returns a new one.
 */
public record PersonAccess(String personId, PersonFacts facts, LocalDate startDate, LocalDate endDate, Phase phase,
                           boolean legalHold, SortedSet<String> granted, SortedSet<String> requested,
                           List<Milestone> pending, List<String> appliedEvents) {

    /** How many recent HR event ids are remembered per person to recognise a redelivery. */
    static final int REMEMBERED_EVENTS = 64;

    public PersonAccess {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(phase, "phase");
        granted = new TreeSet<>(granted);
        requested = new TreeSet<>(requested);
        List<Milestone> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparing(Milestone::dueAt).thenComparing(Milestone::id));
        pending = List.copyOf(sorted);
        appliedEvents = List.copyOf(appliedEvents);
    }

    public static PersonAccess unknown(String personId) {
        return new PersonAccess(personId, null, null, null, Phase.NONE, false, new TreeSet<>(), new TreeSet<>(),
                List.of(), List.of());
    }

    public boolean hasApplied(String eventId) {
        return appliedEvents.contains(eventId);
    }

    /** When the next milestone falls due, ignoring a deletion held back by a legal hold. */
    public Optional<Instant> nextDue() {
        return pending.stream().filter(m -> !(legalHold && m.kind() == Milestone.MilestoneKind.DELETE))
                .map(Milestone::dueAt).findFirst();
    }

    PersonAccess withFacts(PersonFacts newFacts) {
        return new PersonAccess(personId, newFacts, startDate, endDate, phase, legalHold, granted, requested, pending,
                appliedEvents);
    }

    PersonAccess withDates(LocalDate newStart, LocalDate newEnd) {
        return new PersonAccess(personId, facts, newStart, newEnd, phase, legalHold, granted, requested, pending,
                appliedEvents);
    }

    PersonAccess withPhase(Phase newPhase) {
        return new PersonAccess(personId, facts, startDate, endDate, newPhase, legalHold, granted, requested, pending,
                appliedEvents);
    }

    PersonAccess withLegalHold(boolean hold) {
        return new PersonAccess(personId, facts, startDate, endDate, phase, hold, granted, requested, pending,
                appliedEvents);
    }

    PersonAccess withGranted(SortedSet<String> newGranted) {
        return new PersonAccess(personId, facts, startDate, endDate, phase, legalHold, newGranted, requested, pending,
                appliedEvents);
    }

    PersonAccess withRequested(SortedSet<String> newRequested) {
        return new PersonAccess(personId, facts, startDate, endDate, phase, legalHold, granted, newRequested, pending,
                appliedEvents);
    }

    PersonAccess withPending(List<Milestone> newPending) {
        return new PersonAccess(personId, facts, startDate, endDate, phase, legalHold, granted, requested, newPending,
                appliedEvents);
    }

    PersonAccess withApplied(String eventId) {
        List<String> applied = new ArrayList<>(appliedEvents);
        applied.add(eventId);
        if (applied.size() > REMEMBERED_EVENTS) {
            applied = applied.subList(applied.size() - REMEMBERED_EVENTS, applied.size());
        }
        return new PersonAccess(personId, facts, startDate, endDate, phase, legalHold, granted, requested, pending,
                applied);
    }
}
