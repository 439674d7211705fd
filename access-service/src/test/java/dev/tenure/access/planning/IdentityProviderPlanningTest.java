package dev.tenure.access.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.planning.Execution.Step;
import dev.tenure.access.planning.HrChange.Joined;
import dev.tenure.access.planning.HrChange.Left;
import dev.tenure.access.planning.HrChange.Rehired;
import dev.tenure.access.policy.AccessPolicy;
import dev.tenure.access.policy.PolicyLoader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The identity provider (an {@code MFA} entitlement whose target has a connector): the person gets an account there
 * like in a managed SCIM application — created disabled at the prepare, enabled on the start date, deleted after the
 * retention — and at the cut-off, together with the directory disable, the account is disabled, then its MFA
 * credentials are revoked and its live sessions ended.
 */
class IdentityProviderPlanningTest {

    private static final String ID = AccessPlannerTest.facts("Finance").personId();
    private static final Instant NOW = Instant.parse("2027-03-01T14:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 3, 22);
    private static final Instant START_INSTANT = Instant.parse("2027-03-22T04:00:00Z");
    private static final Instant CUT_OFF = Instant.parse("2027-03-19T21:00:00Z"); // 17:00 New York
    private static final String POLICY = """
            version: idp-1
            entitlements:
              - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: account}
              - {id: finance, kind: SECURITY_GROUP, target: directory, name: Finance Users, requires: [account]}
              - {id: mfa, kind: MFA, target: idp, name: mfa-required, requires: [account]}
              - {id: slack, kind: SCIM_APP, target: slack, name: Slack, requires: [account]}
            rules:
              - name: baseline
                grant: [account, mfa, slack]
              - name: finance
                when: {department: [Finance]}
                grant: [finance]
            """;

    private final AccessPolicy policy = PolicyLoader.load(new StringReader(POLICY), "idp planner test policy");
    private final AccessPlanner planner = new AccessPlanner(policy, new PlanningSettings(Duration.ofDays(7),
            LocalTime.MIDNIGHT, LocalTime.of(17, 0), Duration.ofDays(90), "directory",
            Set.of("directory", "idp", "slack"), "vpn"));

    @Test
    void shouldCreateTheIdentityProviderAccountDisabledAtThePrepareAndEnableItOnTheStartDate() {
        // Given a joiner
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), new Joined("j1", facts(), START), NOW);

        // When the prepare and the start date come
        AccessPlanner.Due prepared = planner.due(state, START_INSTANT.minus(Duration.ofDays(7)));
        AccessPlanner.Due started = planner.due(prepared.state(), START_INSTANT);

        // Then the idp account is made disabled with the directory's, and enabled with it
        assertThat(targeted(prepared)).containsExactly(
                "directory " + new EnsureAccount(facts().profile(), false),
                "directory " + new EnsureMembership(ID, "Finance Users", GroupKind.SECURITY),
                "idp " + new EnsureAccount(facts().profile(), false),
                "slack " + new EnsureAccount(facts().profile(), false));
        Execution idp = prepared.executions().get(2);
        assertThat(idp.step()).isEqualTo(Step.ACCOUNT_CREATED);
        assertThat(idp.entitlementId()).isEqualTo("mfa");
        assertThat(targeted(started)).containsExactly("directory " + new SetAccountEnabled(ID, true),
                "idp " + new SetAccountEnabled(ID, true), "slack " + new SetAccountEnabled(ID, true));
    }

    @Test
    void shouldRevokeMfaAndEndSessionsAfterTheDisableAtTheCutOffThenDeleteAfterRetention() {
        // Given an active person who leaves on 19 March
        PersonAccess state = planner.apply(active(), new Left("l1", ID, "America/New_York",
                LocalDate.of(2027, 3, 19), false), NOW);

        // When the cut-off comes
        AccessPlanner.Due early = planner.due(state, CUT_OFF.minusSeconds(1));
        AccessPlanner.Due cut = planner.due(state, CUT_OFF);

        // Then nothing before it; at it the disables, then MFA and sessions, then the groups
        assertThat(early.executions()).isEmpty();
        assertThat(targeted(cut)).containsExactly(
                "directory " + new SetAccountEnabled(ID, false),
                "idp " + new SetAccountEnabled(ID, false),
                "slack " + new SetAccountEnabled(ID, false),
                "idp " + new RevokeMfa(ID),
                "idp " + new EndSessions(ID),
                "directory " + new RemoveMembership(ID, "Finance Users"));
        assertThat(cut.executions()).extracting(Execution::step).containsExactly(Step.ACCOUNT_DISABLED,
                Step.ACCOUNT_DISABLED, Step.ACCOUNT_DISABLED, Step.MFA_REVOKED, Step.SESSIONS_REVOKED,
                Step.ENTITLEMENT_REVOKED);
        assertThat(cut.executions()).extracting(Execution::dueAt).containsOnly(CUT_OFF);
        assertThat(cut.executions().get(3).entitlementId()).isEqualTo("mfa");
        assertThat(cut.executions()).extracting(Execution::actionId).doesNotHaveDuplicates();
        // and the whole cut leads the list of the people falling due together
        assertThat(DisablesFirst.order(List.of(cut.executions(), cut.executions())).subList(0, 10))
                .extracting(Execution::step).doesNotContain(Step.ENTITLEMENT_REVOKED);

        AccessPlanner.Due deleted = planner.due(cut.state(), CUT_OFF.plus(Duration.ofDays(90)));
        assertThat(targeted(deleted)).containsExactly("idp " + new DeleteAccount(ID), "slack " + new DeleteAccount(ID),
                "directory " + new DeleteAccount(ID));
    }

    @Test
    void shouldCutTheIdentityProviderAtOnceForAnImmediateTermination() {
        // Given an active person
        PersonAccess state = active();

        // When terminated immediately
        state = planner.apply(state, new Left("l1", ID, "America/New_York", LocalDate.of(2027, 3, 1), true), NOW);
        AccessPlanner.Due cut = planner.due(state, NOW);

        // Then MFA and sessions go now, with the disable
        assertThat(targeted(cut)).containsSubsequence("directory " + new SetAccountEnabled(ID, false),
                "idp " + new SetAccountEnabled(ID, false), "idp " + new RevokeMfa(ID), "idp " + new EndSessions(ID));
        assertThat(cut.executions()).filteredOn(e -> e.target().equals("idp")).extracting(Execution::dueAt)
                .containsOnly(NOW);
    }

    @Test
    void shouldReEnableTheIdentityProviderAccountOnARehire() {
        // Given a person cut off
        PersonAccess state = planner.apply(active(), new Left("l1", ID, "America/New_York",
                LocalDate.of(2027, 3, 19), false), NOW);
        state = planner.due(state, CUT_OFF).state();

        // When rehired inside the retention window
        LocalDate again = LocalDate.of(2027, 5, 3);
        Instant againInstant = Instant.parse("2027-05-03T04:00:00Z");
        state = planner.apply(state, new Rehired("r1", facts(), again), CUT_OFF.plus(Duration.ofDays(10)));
        AccessPlanner.Due prepared = planner.due(state, againInstant.minus(Duration.ofDays(7)));
        AccessPlanner.Due started = planner.due(prepared.state(), againInstant);

        // Then the idp account is brought back disabled, enabled on the start date, never deleted
        assertThat(targeted(prepared)).contains("idp " + new EnsureAccount(facts().profile(), false));
        assertThat(targeted(started)).contains("idp " + new SetAccountEnabled(ID, true));
        assertThat(planner.due(started.state(), CUT_OFF.plus(Duration.ofDays(91))).executions()).isEmpty();
    }

    @Test
    void shouldLeaveTheIdentityProviderPlannedOnlyWithoutAConnector() {
        AccessPlanner unmanaged = new AccessPlanner(policy, PlanningSettings.DEFAULTS);
        PersonAccess state = unmanaged.apply(PersonAccess.unknown(ID), new Joined("j0", facts(),
                LocalDate.of(2026, 1, 5)), NOW.minus(Duration.ofDays(500)));
        state = unmanaged.due(state, NOW.minus(Duration.ofDays(1))).state();
        state = unmanaged.apply(state, new Left("l1", ID, "America/New_York", LocalDate.of(2027, 3, 1), true), NOW);

        AccessPlanner.Due cut = unmanaged.due(state, NOW);

        assertThat(cut.executions()).extracting(Execution::target).containsOnly("directory");
        assertThat(cut.executions()).extracting(Execution::step).doesNotContain(Step.MFA_REVOKED,
                Step.SESSIONS_REVOKED);
    }

    private PersonAccess active() {
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), new Joined("j0", facts(),
                LocalDate.of(2026, 1, 5)), NOW.minus(Duration.ofDays(500)));
        return planner.due(state, NOW.minus(Duration.ofDays(1))).state();
    }

    private static PersonFacts facts() {
        return AccessPlannerTest.facts("Finance");
    }

    private static List<String> targeted(AccessPlanner.Due due) {
        return due.executions().stream().map(e -> e.target() + " " + e.command()).toList();
    }
}
