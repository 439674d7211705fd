package dev.tenure.access.rest;

import dev.tenure.access.planning.Milestone;
import dev.tenure.access.planning.PersonAccess;
import dev.tenure.access.policy.AccessPolicy;
import dev.tenure.access.policy.Entitlement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A person's current and planned access, for the help desk and the auditor. */
public record PersonAccessView(String personId, String phase, LocalDate startDate, LocalDate endDate,
                               boolean legalHold, List<Granted> granted, List<Planned> planned) {

    /** An entitlement as granted so far (as commanded; the outcome events say when each took effect). */
    public record Granted(String id, String kind, String target, String name) {
    }

    /** A milestone still to come: what, when, and which HR event asked for it. */
    public record Planned(String what, Instant dueAt, String causedBy, boolean heldByLegalHold) {
    }

    static PersonAccessView of(PersonAccess state, AccessPolicy policy) {
        List<Granted> granted = state.granted().stream()
                .map(id -> policy.entitlement(id)
                        .map(e -> granted(e))
                        .orElse(new Granted(id, "UNKNOWN", "unknown", "(no longer in the policy)")))
                .toList();
        List<Planned> planned = state.pending().stream()
                .map(m -> new Planned(m.kind().name(), m.dueAt(), m.causationId(),
                        state.legalHold() && m.kind() == Milestone.MilestoneKind.DELETE))
                .toList();
        return new PersonAccessView(state.personId(), state.phase().name(), state.startDate(), state.endDate(),
                state.legalHold(), granted, planned);
    }

    private static Granted granted(Entitlement e) {
        return new Granted(e.id(), e.kind().name(), e.target(), e.name());
    }
}
