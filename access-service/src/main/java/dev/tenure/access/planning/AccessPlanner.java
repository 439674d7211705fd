package dev.tenure.access.planning;

import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.planning.Execution.Step;
import dev.tenure.access.planning.HrChange.EndDateChanged;
import dev.tenure.access.planning.HrChange.Joined;
import dev.tenure.access.planning.HrChange.JoinerCancelled;
import dev.tenure.access.planning.HrChange.Left;
import dev.tenure.access.planning.HrChange.LeaverCancelled;
import dev.tenure.access.planning.HrChange.Moved;
import dev.tenure.access.planning.HrChange.Rehired;
import dev.tenure.access.planning.HrChange.StartDateChanged;
import dev.tenure.access.planning.HrChange.VpnRequested;
import dev.tenure.access.planning.Milestone.MilestoneKind;
import dev.tenure.access.policy.AccessPolicy;
import dev.tenure.access.policy.Entitlement;
import dev.tenure.access.policy.EntitlementKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The joiner/mover/leaver rules. {@link #apply} turns an HR event into milestones (durable timers) on the person's
 * state — scheduling, moving or cancelling them, nothing else; {@link #due} fires the milestones whose time has come
 * and expands each into connector commands by comparing what the person should have now (the policy's birthright for
 * their current position, plus VPN a DSO requested) with what was granted so far. Plain Java: the clock is a
 * parameter, so tests move time by passing another instant.
 */
public final class AccessPlanner {

    private static final Set<MilestoneKind> JOINING = EnumSet.of(MilestoneKind.PREPARE, MilestoneKind.ENABLE);
    private static final Set<MilestoneKind> LEAVING = EnumSet.of(MilestoneKind.CUT_OFF, MilestoneKind.DELETE);

    private final AccessPolicy policy;
    private final PlanningSettings settings;

    public AccessPlanner(AccessPolicy policy, PlanningSettings settings) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The state after the fired milestones, and the commands to carry out, in order. */
    public record Due(PersonAccess state, List<Execution> executions) {
    }

    /** Plans one HR event; an event already applied to this person changes nothing. */
    public PersonAccess apply(PersonAccess state, HrChange change, Instant now) {
        if (state.hasApplied(change.eventId())) {
            return state;
        }
        return plan(state, change, now).withApplied(change.eventId());
    }

    /** Sets or clears the legal hold; a held account is never deleted, its deletion waits for the hold to clear. */
    public PersonAccess legalHold(PersonAccess state, boolean hold) {
        return state.withLegalHold(hold);
    }

    /** Fires every milestone due at or before {@code now}, earliest first. */
    public Due due(PersonAccess state, Instant now) {
        PersonAccess current = state;
        List<Execution> executions = new ArrayList<>();
        for (Milestone milestone : state.pending()) {
            if (milestone.dueAt().isAfter(now)) {
                break;
            }
            if (milestone.kind() == MilestoneKind.DELETE && current.legalHold()) {
                continue;
            }
            current = current.withPending(without(current.pending(), m -> !m.id().equals(milestone.id())));
            current = fire(current, milestone, executions);
        }
        return new Due(current, executions);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Planning: HR event → milestones

    private PersonAccess plan(PersonAccess state, HrChange change, Instant now) {
        if (change instanceof Joined joined) {
            return hire(state, joined.eventId(), joined.person(), joined.startDate());
        } else if (change instanceof Rehired rehired) {
            return hire(state, rehired.eventId(), rehired.person(), rehired.startDate());
        } else if (change instanceof Moved moved) {
            Instant at = startOfDay(moved.effectiveDate(), moved.position().zone());
            return state.withPending(plus(state.pending(), new Milestone(moved.eventId() + "/move", moved.eventId(),
                    at, MilestoneKind.MOVE, moved.position(), null)));
        } else if (change instanceof Left left) {
            return leave(state, left, now);
        } else if (change instanceof StartDateChanged changed) {
            return moveStart(state, changed);
        } else if (change instanceof EndDateChanged changed) {
            return moveEnd(state, changed, now);
        } else if (change instanceof JoinerCancelled cancelled) {
            return cancelJoiner(state, cancelled, now);
        } else if (change instanceof LeaverCancelled cancelled) {
            return cancelLeaver(state, cancelled, now);
        } else if (change instanceof VpnRequested vpn) {
            return requestVpn(state, vpn);
        }
        throw new IllegalArgumentException("unknown change " + change.getClass().getSimpleName());
    }

    /** A joiner or a rehire: prepare the account before the start, enable it on the start date. */
    private PersonAccess hire(PersonAccess state, String eventId, PersonFacts person, LocalDate start) {
        Instant enableAt = startOfDay(start, person.zone());
        // A hire replaces any earlier joining, leaving or deletion plan; VPN requests and moves stay.
        List<Milestone> pending = without(state.pending(), m -> m.kind() == MilestoneKind.VPN_GRANT
                || m.kind() == MilestoneKind.VPN_REVOKE || m.kind() == MilestoneKind.MOVE);
        pending.add(new Milestone(eventId + "/prepare", eventId, enableAt.minus(settings.prepareLead()),
                MilestoneKind.PREPARE, null, null));
        pending.add(new Milestone(eventId + "/enable", eventId, enableAt, MilestoneKind.ENABLE, null, null));
        return state.withFacts(person).withDates(start, null).withPending(pending);
    }

    private PersonAccess leave(PersonAccess state, Left left, Instant now) {
        ZoneId zone = zoneOf(state, left.timeZone());
        Instant cutOff = left.immediate() ? now : cutOff(left.endDate(), zone);
        List<Milestone> pending = without(state.pending(), m -> !LEAVING.contains(m.kind())
                && m.kind() != MilestoneKind.RESTORE && !(m.dueAt().isAfter(cutOff) && isGrant(m.kind())));
        pending.add(new Milestone(left.eventId() + "/cut-off", left.eventId(), cutOff, MilestoneKind.CUT_OFF, null,
                null));
        pending.add(new Milestone(left.eventId() + "/delete", left.eventId(), cutOff.plus(settings.retention()),
                MilestoneKind.DELETE, null, null));
        return state.withDates(state.startDate(), left.endDate()).withPending(pending);
    }

    private PersonAccess moveStart(PersonAccess state, StartDateChanged changed) {
        ZoneId zone = zoneOf(state, changed.timeZone());
        Instant enableAt = startOfDay(changed.newStartDate(), zone);
        List<Milestone> pending = new ArrayList<>();
        for (Milestone m : state.pending()) {
            if (m.kind() == MilestoneKind.ENABLE) {
                pending.add(m.at(enableAt));
            } else if (m.kind() == MilestoneKind.PREPARE) {
                pending.add(m.at(enableAt.minus(settings.prepareLead())));
            } else {
                pending.add(m);
            }
        }
        return state.withDates(changed.newStartDate(), state.endDate()).withPending(pending);
    }

    private PersonAccess moveEnd(PersonAccess state, EndDateChanged changed, Instant now) {
        ZoneId zone = zoneOf(state, changed.timeZone());
        Instant cutOff = cutOff(changed.newEndDate(), zone);
        List<Milestone> pending = new ArrayList<>();
        String causation = changed.eventId();
        boolean hadCutOff = false;
        for (Milestone m : state.pending()) {
            if (m.kind() == MilestoneKind.CUT_OFF) {
                pending.add(m.at(cutOff));
                hadCutOff = true;
            } else if (m.kind() != MilestoneKind.DELETE) {
                pending.add(m);
            }
        }
        if (!hadCutOff && state.phase() == Phase.LEFT && cutOff.isAfter(now)) {
            // Cut off already, but the new last day is still to come: give the access back until then.
            pending.add(new Milestone(causation + "/restore", causation, now, MilestoneKind.RESTORE, null, null));
            pending.add(new Milestone(causation + "/cut-off", causation, cutOff, MilestoneKind.CUT_OFF, null, null));
        }
        if (hadCutOff || state.phase() == Phase.LEFT) {
            pending.add(new Milestone(causation + "/delete", causation, cutOff.plus(settings.retention()),
                    MilestoneKind.DELETE, null, null));
        }
        return state.withDates(state.startDate(), changed.newEndDate()).withPending(pending);
    }

    private PersonAccess cancelJoiner(PersonAccess state, JoinerCancelled cancelled, Instant now) {
        List<Milestone> pending = without(state.pending(), m -> !JOINING.contains(m.kind())
                && m.kind() != MilestoneKind.MOVE && m.kind() != MilestoneKind.VPN_GRANT);
        if (state.phase() == Phase.PREPARED || state.phase() == Phase.ACTIVE) {
            // A no-show's account was never used: cut it and delete it now (unless held).
            String id = cancelled.eventId();
            pending.add(new Milestone(id + "/cut-off", id, now, MilestoneKind.CUT_OFF, null, null));
            pending.add(new Milestone(id + "/delete", id, now, MilestoneKind.DELETE, null, null));
        }
        return state.withDates(null, state.endDate()).withRequested(new TreeSet<>()).withPending(pending);
    }

    private PersonAccess cancelLeaver(PersonAccess state, LeaverCancelled cancelled, Instant now) {
        List<Milestone> pending = without(state.pending(), m -> !LEAVING.contains(m.kind()));
        if (state.phase() == Phase.LEFT) {
            String id = cancelled.eventId();
            pending.add(new Milestone(id + "/restore", id, now, MilestoneKind.RESTORE, null, null));
        }
        return state.withDates(state.startDate(), null).withPending(pending);
    }

    private PersonAccess requestVpn(PersonAccess state, VpnRequested vpn) {
        if (vpn.grant() && (state.phase() == Phase.LEFT || state.phase() == Phase.DELETED)) {
            return state; // nothing is granted to a person whose leave is effective
        }
        SortedSet<String> requested = new TreeSet<>(state.requested());
        if (vpn.grant()) {
            requested.add(settings.vpnEntitlement());
        } else {
            requested.remove(settings.vpnEntitlement());
        }
        Instant at = startOfDay(vpn.effectiveDate(), zoneOf(state, vpn.timeZone()));
        MilestoneKind kind = vpn.grant() ? MilestoneKind.VPN_GRANT : MilestoneKind.VPN_REVOKE;
        return state.withRequested(requested).withPending(plus(state.pending(),
                new Milestone(vpn.eventId() + "/vpn", vpn.eventId(), at, kind, null, settings.vpnEntitlement())));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Firing: milestone → commands

    private PersonAccess fire(PersonAccess state, Milestone milestone, List<Execution> out) {
        switch (milestone.kind()) {
            case PREPARE:
                return prepare(state, milestone, out);
            case ENABLE:
                PersonAccess prepared = state.phase() == Phase.PREPARED || state.phase() == Phase.ACTIVE ? state
                        : prepare(state, milestone, out);
                if (prepared.phase() != Phase.PREPARED) {
                    return prepared;
                }
                out.add(account(prepared, milestone, Step.ACCOUNT_ENABLED,
                        new AccessCommand.SetAccountEnabled(prepared.personId(), true)));
                for (Entitlement app : applications(prepared.granted())) {
                    out.add(entitlement(prepared, milestone, app, Step.ACCOUNT_ENABLED,
                            new AccessCommand.SetAccountEnabled(prepared.personId(), true)));
                }
                return prepared.withPhase(Phase.ACTIVE);
            case MOVE:
                return move(state, milestone, out);
            case CUT_OFF:
                return cutOff(state, milestone, out);
            case RESTORE:
                return restore(state, milestone, out);
            case DELETE:
                return delete(state, milestone, out);
            case VPN_GRANT:
            case VPN_REVOKE:
                return vpn(state, milestone, out);
            default:
                throw new IllegalStateException(milestone.kind().name());
        }
    }

    /** The account exists (disabled unless already active) and has exactly the desired entitlements. */
    private PersonAccess prepare(PersonAccess state, Milestone milestone, List<Execution> out) {
        if (state.facts() == null) {
            return state;
        }
        boolean active = state.phase() == Phase.ACTIVE;
        out.add(account(state, milestone, Step.ACCOUNT_CREATED,
                new AccessCommand.EnsureAccount(state.facts().profile(), active)));
        PersonAccess synced = sync(state, milestone, out);
        return synced.withPhase(active ? Phase.ACTIVE : Phase.PREPARED);
    }

    private PersonAccess move(PersonAccess state, Milestone milestone, List<Execution> out) {
        PersonFacts moved = state.facts() == null ? milestone.position() : state.facts().movedTo(milestone.position());
        PersonAccess next = state.withFacts(moved);
        if (state.phase() == Phase.PREPARED || state.phase() == Phase.ACTIVE) {
            boolean active = state.phase() == Phase.ACTIVE;
            out.add(account(next, milestone, Step.ACCOUNT_UPDATED,
                    new AccessCommand.EnsureAccount(moved.profile(), active)));
            PersonAccess synced = sync(next, milestone, out);
            for (Entitlement app : applications(intersection(state.granted(), synced.granted()))) {
                out.add(entitlement(synced, milestone, app, Step.ACCOUNT_UPDATED,
                        new AccessCommand.EnsureAccount(moved.profile(), active)));
            }
            return synced;
        }
        return next;
    }

    /**
     * Disable first (what the SLE measures) — the directory account, then the managed applications' accounts (SCIM
     * applications and the identity provider), then the identity provider's MFA credentials and live sessions — then
     * take away every other entitlement, dependants first.
     */
    private PersonAccess cutOff(PersonAccess state, Milestone milestone, List<Execution> out) {
        if (state.phase() == Phase.DELETED) {
            return state;
        }
        out.add(account(state, milestone, Step.ACCOUNT_DISABLED,
                new AccessCommand.SetAccountEnabled(state.personId(), false)));
        // the application accounts with it (what the SLE measures), their groups after them with the rest
        SortedSet<String> rest = new TreeSet<>(state.granted());
        for (Entitlement app : applications(state.granted())) {
            out.add(entitlement(state, milestone, app, Step.ACCOUNT_DISABLED,
                    new AccessCommand.SetAccountEnabled(state.personId(), false)));
            rest.remove(app.id());
        }
        for (Entitlement app : applications(state.granted())) {
            cutIdentityProvider(state, milestone, app, out);
        }
        revoke(state, milestone, rest, out);
        return state.withGranted(new TreeSet<>()).withPhase(Phase.LEFT);
    }

    private PersonAccess restore(PersonAccess state, Milestone milestone, List<Execution> out) {
        if (state.phase() != Phase.LEFT || state.facts() == null) {
            return state;
        }
        out.add(account(state, milestone, Step.ACCOUNT_ENABLED,
                new AccessCommand.EnsureAccount(state.facts().profile(), true)));
        return sync(state.withPhase(Phase.ACTIVE), milestone, out);
    }

    private PersonAccess delete(PersonAccess state, Milestone milestone, List<Execution> out) {
        if (state.phase() == Phase.DELETED || state.phase() == Phase.NONE && state.facts() == null) {
            return state;
        }
        revoke(state, milestone, state.granted(), out);
        SortedSet<String> hadApps = new TreeSet<>(state.granted());
        hadApps.addAll(desired(state)); // the cut-off cleared what was granted; the position it was granted for stays
        for (Entitlement app : applications(hadApps)) {
            out.add(entitlement(state, milestone, app, Step.ACCOUNT_DELETED,
                    new AccessCommand.DeleteAccount(state.personId())));
        }
        out.add(account(state, milestone, Step.ACCOUNT_DELETED, new AccessCommand.DeleteAccount(state.personId())));
        return state.withGranted(new TreeSet<>()).withPhase(Phase.DELETED);
    }

    private PersonAccess vpn(PersonAccess state, Milestone milestone, List<Execution> out) {
        if (state.phase() != Phase.PREPARED && state.phase() != Phase.ACTIVE) {
            return state; // before the account exists the prepare grants it; after the leave nothing is granted
        }
        Optional<Entitlement> vpn = policy.entitlement(milestone.entitlementId());
        if (vpn.isEmpty()) {
            return state;
        }
        SortedSet<String> granted = new TreeSet<>(state.granted());
        if (milestone.kind() == MilestoneKind.VPN_GRANT && granted.add(vpn.get().id())) {
            grant(state, milestone, Set.of(vpn.get().id()), out);
        } else if (milestone.kind() == MilestoneKind.VPN_REVOKE && granted.remove(vpn.get().id())) {
            revoke(state, milestone, Set.of(vpn.get().id()), out);
        }
        return state.withGranted(granted);
    }

    /** Revokes what is granted but no longer desired, then grants what is desired but missing. */
    private PersonAccess sync(PersonAccess state, Milestone milestone, List<Execution> out) {
        SortedSet<String> desired = desired(state);
        revoke(state, milestone, difference(state.granted(), desired), out);
        grant(state, milestone, difference(desired, state.granted()), out);
        return state.withGranted(desired);
    }

    private SortedSet<String> desired(PersonAccess state) {
        SortedSet<String> desired = new TreeSet<>();
        if (state.facts() != null) {
            policy.birthright(state.facts().attributes()).forEach(e -> desired.add(e.id()));
        }
        for (String id : state.requested()) {
            policy.entitlement(id).ifPresent(e -> desired.add(e.id()));
        }
        return desired;
    }

    /** Grants the entitlements with these ids, prerequisites first. */
    private void grant(PersonAccess state, Milestone milestone, Set<String> ids, List<Execution> out) {
        if (ids.isEmpty()) {
            return;
        }
        for (Entitlement e : policy.grantOrderOf(ids)) {
            if (isApplication(e)) { // its account, disabled until the person is active
                out.add(entitlement(state, milestone, e, Step.ACCOUNT_CREATED,
                        new AccessCommand.EnsureAccount(state.facts().profile(), state.phase() == Phase.ACTIVE)));
                continue;
            }
            membership(e).ifPresent(kind -> out.add(entitlement(state, milestone, e, Step.ENTITLEMENT_GRANTED,
                    new AccessCommand.EnsureMembership(state.personId(), e.name(), kind))));
        }
    }

    /** Revokes the entitlements with these ids, dependants first. */
    private void revoke(PersonAccess state, Milestone milestone, Set<String> ids, List<Execution> out) {
        if (ids.isEmpty()) {
            return;
        }
        for (Entitlement e : policy.revokeOrderOf(ids)) {
            if (isApplication(e)) { // disabled now, deleted with the directory account after the retention
                out.add(entitlement(state, milestone, e, Step.ACCOUNT_DISABLED,
                        new AccessCommand.SetAccountEnabled(state.personId(), false)));
                cutIdentityProvider(state, milestone, e, out);
                continue;
            }
            membership(e).ifPresent(kind -> out.add(entitlement(state, milestone, e, Step.ENTITLEMENT_REVOKED,
                    new AccessCommand.RemoveMembership(state.personId(), e.name()))));
        }
    }

    /**
     * After the identity provider's account is disabled: its MFA credentials removed and its live sessions ended, so
     * neither a second factor nor a refresh token still opens a door (a re-enabled account enrols again).
     */
    private void cutIdentityProvider(PersonAccess state, Milestone milestone, Entitlement e, List<Execution> out) {
        if (e.kind() != EntitlementKind.MFA) {
            return;
        }
        out.add(entitlement(state, milestone, e, Step.MFA_REVOKED, new AccessCommand.RevokeMfa(state.personId())));
        out.add(entitlement(state, milestone, e, Step.SESSIONS_REVOKED,
                new AccessCommand.EndSessions(state.personId())));
    }

    /**
     * A SCIM application or the identity provider (an {@code MFA} entitlement) whose target has a connector: the
     * person gets an account there.
     */
    private boolean isApplication(Entitlement e) {
        return (e.kind() == EntitlementKind.SCIM_APP || e.kind() == EntitlementKind.MFA) && !e.manual()
                && settings.managedTargets().contains(e.target());
    }

    /** The managed applications (SCIM, identity provider) among these entitlement ids, in grant order. */
    private List<Entitlement> applications(Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return policy.grantOrderOf(ids).stream().filter(this::isApplication).toList();
    }

    /**
     * The group kind an entitlement is in its target; empty for account-level ones and unmanaged targets. A manual
     * entitlement (an application with no API) is a membership too, for a person to grant or revoke: its command opens
     * a task, whatever its kind, when manual targets are served ({@link PlanningSettings#MANUAL_TARGETS}).
     */
    private Optional<GroupKind> membership(Entitlement e) {
        if (e.manual()) {
            return settings.managedTargets().contains(PlanningSettings.MANUAL_TARGETS) ? Optional.of(GroupKind.SECURITY)
                    : Optional.empty();
        }
        if (!settings.managedTargets().contains(e.target())) {
            return Optional.empty();
        }
        if (e.kind() == EntitlementKind.SECURITY_GROUP || e.kind() == EntitlementKind.VPN) {
            return Optional.of(GroupKind.SECURITY);
        } else if (e.kind() == EntitlementKind.DISTRIBUTION_LIST) {
            return Optional.of(GroupKind.DISTRIBUTION);
        }
        return Optional.empty();
    }

    private Execution account(PersonAccess state, Milestone milestone, Step step, AccessCommand command) {
        return new Execution(milestone.id() + "/" + step.name().toLowerCase() + "/account", milestone.causationId(),
                state.personId(), agencyOf(state), settings.directoryTarget(), null, step, command, milestone.dueAt());
    }

    private Execution entitlement(PersonAccess state, Milestone milestone, Entitlement e, Step step,
                                  AccessCommand command) {
        return new Execution(milestone.id() + "/" + step.name().toLowerCase() + "/" + e.id(), milestone.causationId(),
                state.personId(), agencyOf(state), e.target(), e.id(), step, command, milestone.dueAt());
    }

    private static String agencyOf(PersonAccess state) {
        return state.facts() == null ? "UNKNOWN" : state.facts().agency();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Time

    private Instant startOfDay(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, settings.enableAt(), zone).toInstant();
    }

    private Instant cutOff(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, settings.cutOffAt(), zone).toInstant();
    }

    private static ZoneId zoneOf(PersonAccess state, String eventZone) {
        if (state.facts() != null) {
            return state.facts().zone();
        }
        try {
            return ZoneId.of(eventZone);
        } catch (RuntimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    private static boolean isGrant(MilestoneKind kind) {
        return kind == MilestoneKind.PREPARE || kind == MilestoneKind.ENABLE || kind == MilestoneKind.MOVE
                || kind == MilestoneKind.VPN_GRANT || kind == MilestoneKind.RESTORE;
    }

    private static SortedSet<String> intersection(Set<String> a, Set<String> b) {
        SortedSet<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static SortedSet<String> difference(Set<String> a, Set<String> b) {
        SortedSet<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static List<Milestone> without(List<Milestone> pending, Predicate<Milestone> keep) {
        return pending.stream().filter(keep).collect(Collectors.toCollection(ArrayList::new));
    }

    private static List<Milestone> plus(List<Milestone> pending, Milestone milestone) {
        List<Milestone> next = without(pending, m -> !m.id().equals(milestone.id()));
        next.add(milestone);
        return next;
    }
}
