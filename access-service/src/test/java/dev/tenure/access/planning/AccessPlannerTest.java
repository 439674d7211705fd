package dev.tenure.access.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.planning.HrChange.EndDateChanged;
import dev.tenure.access.planning.HrChange.Joined;
import dev.tenure.access.planning.HrChange.JoinerCancelled;
import dev.tenure.access.planning.HrChange.Left;
import dev.tenure.access.planning.HrChange.LeaverCancelled;
import dev.tenure.access.planning.HrChange.Moved;
import dev.tenure.access.planning.HrChange.Rehired;
import dev.tenure.access.planning.HrChange.StartDateChanged;
import dev.tenure.access.planning.HrChange.VpnRequested;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPlannerTest {

    private static final String NY = "America/New_York";
    private static final String ID = "E100234";
    /** Monday 1 March 2027, 14:00 UTC. */
    private static final Instant NOW = Instant.parse("2027-03-01T14:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 3, 22);
    /** Midnight of 22 March in New York (EDT since 14 March: UTC-4). */
    private static final Instant START_INSTANT = Instant.parse("2027-03-22T04:00:00Z");

    private final AccessPlanner planner = new AccessPlanner(TestPolicies.standard(), PlanningSettings.DEFAULTS);

    @Test
    void shouldPrepareADisabledAccountAWeekAheadAndEnableItAtMidnightOfTheStartDate() {
        // Given a Finance joiner submitted three weeks ahead
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), joiner("j1", "Finance", START), NOW);

        // Then nothing happens on submission, nor a second before the prepare time
        assertThat(planner.due(state, NOW).executions()).isEmpty();
        assertThat(planner.due(state, START_INSTANT.minus(Duration.ofDays(7)).minusSeconds(1)).executions()).isEmpty();

        // When the prepare time comes: the account, disabled, then its groups and lists, prerequisites first (the SCIM
        // app has no connector yet)
        AccessPlanner.Due prepared = planner.due(state, START_INSTANT.minus(Duration.ofDays(7)));
        assertThat(commands(prepared)).containsExactly(
                new EnsureAccount(facts("Finance").profile(), false),
                new EnsureMembership(ID, "Finance Users", GroupKind.SECURITY),
                new EnsureMembership(ID, "All Staff", GroupKind.DISTRIBUTION));
        assertThat(prepared.state().phase()).isEqualTo(Phase.PREPARED);

        // And at midnight of the start date in New York: enabled, nothing before
        assertThat(planner.due(prepared.state(), START_INSTANT.minusSeconds(1)).executions()).isEmpty();
        AccessPlanner.Due started = planner.due(prepared.state(), START_INSTANT);
        assertThat(commands(started)).containsExactly(new SetAccountEnabled(ID, true));
        assertThat(started.state().phase()).isEqualTo(Phase.ACTIVE);
        assertThat(started.executions().get(0).causationId()).isEqualTo("j1");
    }

    @Test
    void shouldDoEverythingAtOnceForAJoinerWhoseStartDateHasPassed() {
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), joiner("j1", "Finance", LocalDate.of(2027, 2, 1)),
                NOW);

        AccessPlanner.Due due = planner.due(state, NOW);

        assertThat(commands(due)).startsWith(new EnsureAccount(facts("Finance").profile(), false))
                .endsWith(new SetAccountEnabled(ID, true));
        assertThat(due.state().phase()).isEqualTo(Phase.ACTIVE);
    }

    @Test
    void shouldRevokeWhatOnlyThePriorRoleGaveAndGrantTheNewOnTheEffectiveDate() {
        // Given an active Finance employee who moves to IT on 1 April
        PersonAccess state = active("Finance");
        state = planner.apply(state, new Moved("m1", ID, facts("IT"), LocalDate.of(2027, 4, 1)), NOW);
        Instant april = Instant.parse("2027-04-01T04:00:00Z");
        assertThat(planner.due(state, april.minusSeconds(1)).executions()).isEmpty();

        // When the effective date comes
        AccessPlanner.Due moved = planner.due(state, april);

        // Then the account is brought up to date, Finance goes first, then IT Admins and VPN (after the mailbox)
        assertThat(commands(moved)).containsExactly(
                new EnsureAccount(facts("IT").profile(), true),
                new RemoveMembership(ID, "Finance Users"),
                new EnsureMembership(ID, "IT Admins", GroupKind.SECURITY),
                new EnsureMembership(ID, "VPN Users", GroupKind.SECURITY));
        assertThat(moved.state().granted()).contains("it-admins", "vpn").doesNotContain("finance");
    }

    @Test
    void shouldCutOffAtFivePmOnTheEndDateThenDeleteAfterRetentionUnlessHeld() {
        // Given an active IT employee whose last day is Friday 19 March 2027
        PersonAccess state = planner.apply(active("IT"), leaver("l1", LocalDate.of(2027, 3, 19), false), NOW);
        Instant cutOff = Instant.parse("2027-03-19T21:00:00Z"); // 17:00 EDT

        // Then at the cut-off, not a second before: disabled first, then every group and list, dependants first
        assertThat(planner.due(state, cutOff.minusSeconds(1)).executions()).isEmpty();
        AccessPlanner.Due cut = planner.due(state, cutOff);
        assertThat(commands(cut)).containsExactly(
                new SetAccountEnabled(ID, false),
                new RemoveMembership(ID, "VPN Users"),
                new RemoveMembership(ID, "All Staff"),
                new RemoveMembership(ID, "IT Admins"));
        assertThat(cut.state().phase()).isEqualTo(Phase.LEFT);

        // And 90 days later the account is deleted, unless a legal hold is set; when it clears, it goes
        Instant retentionEnds = cutOff.plus(Duration.ofDays(90));
        PersonAccess held = planner.legalHold(cut.state(), true);
        assertThat(planner.due(held, retentionEnds.plus(Duration.ofDays(30))).executions()).isEmpty();
        assertThat(held.nextDue()).isEmpty();
        AccessPlanner.Due deleted = planner.due(planner.legalHold(held, false), retentionEnds.plus(Duration.ofDays(30)));
        assertThat(commands(deleted)).containsExactly(new DeleteAccount(ID));
        assertThat(deleted.state().phase()).isEqualTo(Phase.DELETED);
    }

    @Test
    void shouldCutAnImmediateTerminationAtOnce() {
        PersonAccess state = planner.apply(active("IT"), leaver("l1", LocalDate.of(2027, 3, 1), true), NOW);

        assertThat(commands(planner.due(state, NOW))).startsWith(new SetAccountEnabled(ID, false)).hasSize(4);
    }

    @Test
    void shouldKeepTheAccessOfACancelledLeaverAndGiveItBackIfAlreadyCut() {
        // Cancelled before the cut-off: nothing ever happens
        PersonAccess leaving = planner.apply(active("Finance"), leaver("l1", LocalDate.of(2027, 3, 19), false), NOW);
        PersonAccess kept = planner.apply(leaving, new LeaverCancelled("c1", ID), NOW);
        assertThat(planner.due(kept, NOW.plus(Duration.ofDays(200))).executions()).isEmpty();

        // Cancelled after the cut-off: enabled again with the birthright set
        Instant afterCutOff = Instant.parse("2027-03-20T12:00:00Z");
        PersonAccess cut = planner.due(leaving, afterCutOff).state();
        PersonAccess restored = planner.apply(cut, new LeaverCancelled("c1", ID), afterCutOff);
        AccessPlanner.Due due = planner.due(restored, afterCutOff);
        assertThat(commands(due)).containsExactly(
                new EnsureAccount(facts("Finance").profile(), true),
                new EnsureMembership(ID, "Finance Users", GroupKind.SECURITY),
                new EnsureMembership(ID, "All Staff", GroupKind.DISTRIBUTION));
        assertThat(due.state().phase()).isEqualTo(Phase.ACTIVE);
        assertThat(due.state().nextDue()).isEmpty();
    }

    @Test
    void shouldMoveTheEnableWithACorrectedStartDateAndTheCutOffWithACorrectedEndDate() {
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), joiner("j1", "Finance", START), NOW);
        state = planner.apply(state, new StartDateChanged("s1", ID, NY, LocalDate.of(2027, 4, 5)), NOW);
        assertThat(state.nextDue()).contains(Instant.parse("2027-03-29T04:00:00Z"));
        assertThat(planner.due(state, START_INSTANT).executions()).isEmpty();

        PersonAccess leaving = planner.apply(active("Finance"), leaver("l1", LocalDate.of(2027, 3, 19), false), NOW);
        leaving = planner.apply(leaving, new EndDateChanged("e1", ID, NY, LocalDate.of(2027, 3, 26)), NOW);
        assertThat(planner.due(leaving, Instant.parse("2027-03-19T21:00:00Z")).executions()).isEmpty();
        assertThat(commands(planner.due(leaving, Instant.parse("2027-03-26T21:00:00Z"))))
                .startsWith(new SetAccountEnabled(ID, false));
    }

    @Test
    void shouldCutAndDeleteThePreparedAccountOfACancelledJoiner() {
        PersonAccess prepared = planner.due(planner.apply(PersonAccess.unknown(ID), joiner("j1", "Finance", START), NOW),
                START_INSTANT.minus(Duration.ofDays(7))).state();
        Instant later = START_INSTANT.minus(Duration.ofDays(3));

        PersonAccess cancelled = planner.apply(prepared, new JoinerCancelled("x1", ID), later);
        AccessPlanner.Due due = planner.due(cancelled, later);

        assertThat(commands(due)).first().isEqualTo(new SetAccountEnabled(ID, false));
        assertThat(commands(due)).last().isEqualTo(new DeleteAccount(ID));
        assertThat(planner.due(due.state(), START_INSTANT.plus(Duration.ofDays(1))).executions()).isEmpty();
    }

    @Test
    void shouldChangeNothingWhenTheSameEventArrivesTwice() {
        PersonAccess once = planner.apply(PersonAccess.unknown(ID), joiner("j1", "Finance", START), NOW);
        PersonAccess twice = planner.apply(once, joiner("j1", "Finance", START), NOW);

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void shouldGrantAndRevokeTheVpnADsoRequestsButNeverAfterTheLeave() {
        PersonAccess state = planner.apply(active("Finance"), vpn("v1", true), NOW);
        AccessPlanner.Due granted = planner.due(state, NOW);
        assertThat(commands(granted)).containsExactly(new EnsureMembership(ID, "VPN Users", GroupKind.SECURITY));

        AccessPlanner.Due revoked = planner.due(planner.apply(granted.state(), vpn("v2", false), NOW), NOW);
        assertThat(commands(revoked)).containsExactly(new RemoveMembership(ID, "VPN Users"));

        PersonAccess left = planner.due(planner.apply(active("Finance"), leaver("l1", LocalDate.of(2027, 3, 1), true),
                NOW), NOW).state();
        assertThat(planner.due(planner.apply(left, vpn("v3", true), NOW), NOW).executions()).isEmpty();
    }

    @Test
    void shouldPrepareARehireWithinTheRetentionWindowAndCancelTheDeletion() {
        PersonAccess left = planner.due(planner.apply(active("Finance"), leaver("l1", LocalDate.of(2027, 3, 1), true),
                NOW), NOW).state();

        PersonAccess rehired = planner.apply(left, new Rehired("r1", facts("IT"), START), NOW);
        AccessPlanner.Due due = planner.due(rehired, START_INSTANT);

        assertThat(commands(due)).startsWith(new EnsureAccount(facts("IT").profile(), false))
                .endsWith(new SetAccountEnabled(ID, true))
                .doesNotContain(new DeleteAccount(ID));
        assertThat(planner.due(due.state(), NOW.plus(Duration.ofDays(400))).executions()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    private PersonAccess active(String department) {
        PersonAccess state = planner.apply(PersonAccess.unknown(ID),
                joiner("j0", department, LocalDate.of(2026, 1, 5)), NOW.minus(Duration.ofDays(500)));
        return planner.due(state, NOW.minus(Duration.ofDays(1))).state();
    }

    private static Joined joiner(String eventId, String department, LocalDate start) {
        return new Joined(eventId, facts(department), start);
    }

    private static Left leaver(String eventId, LocalDate end, boolean immediate) {
        return new Left(eventId, ID, NY, end, immediate);
    }

    private static VpnRequested vpn(String eventId, boolean grant) {
        return new VpnRequested(eventId, ID, NY, grant, LocalDate.of(2027, 3, 1));
    }

    static PersonFacts facts(String department) {
        return new PersonFacts(ID, "EOTSS", "Alice", "Nakamura", null, department, "FA-2", department + " Analyst",
                "Boston", "EMPLOYEE", null, NY);
    }

    private static List<AccessCommand> commands(AccessPlanner.Due due) {
        List<AccessCommand> commands = new ArrayList<>();
        due.executions().forEach(e -> commands.add(e.command()));
        return commands;
    }
}
