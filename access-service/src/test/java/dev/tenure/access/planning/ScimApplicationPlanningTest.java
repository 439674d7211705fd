package dev.tenure.access.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.planning.Execution.Step;
import dev.tenure.access.planning.HrChange.Joined;
import dev.tenure.access.planning.HrChange.Left;
import dev.tenure.access.planning.HrChange.Moved;
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
 * A SCIM application with a connector (its target is managed): the person gets an account there, created disabled at
 * the prepare, enabled on the start date, updated on a move, disabled at the cut-off right after the directory
 * account, deleted with it after the retention; the application's own groups (entitlements whose target is the
 * application) follow the account.
 */
class ScimApplicationPlanningTest {

    private static final String ID = AccessPlannerTest.facts("Finance").personId();
    private static final Instant NOW = Instant.parse("2027-03-01T14:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 3, 22);
    private static final Instant START_INSTANT = Instant.parse("2027-03-22T04:00:00Z");
    private static final String POLICY = """
            version: scim-1
            entitlements:
              - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: account}
              - {id: finance, kind: SECURITY_GROUP, target: directory, name: Finance Users, requires: [account]}
              - {id: slack, kind: SCIM_APP, target: slack, name: Slack, requires: [account]}
              - {id: slack-finance, kind: SECURITY_GROUP, target: slack, name: finance-channel, requires: [slack]}
              - {id: slack-legal, kind: SECURITY_GROUP, target: slack, name: legal-channel, requires: [slack]}
              - {id: payroll, kind: SCIM_APP, target: "manual:payroll", name: Payroll, manual: true, requires: [account]}
            rules:
              - name: baseline
                grant: [account, slack]
              - name: finance
                when: {department: [Finance]}
                grant: [finance, slack-finance, payroll]
              - name: legal
                when: {department: [Legal]}
                grant: [slack-legal]
            """;

    private final AccessPolicy policy = PolicyLoader.load(new StringReader(POLICY), "scim planner test policy");
    private final AccessPlanner planner = new AccessPlanner(policy, new PlanningSettings(Duration.ofDays(7),
            LocalTime.MIDNIGHT, LocalTime.of(17, 0), Duration.ofDays(90), "directory", Set.of("directory", "slack"),
            "vpn"));

    @Test
    void shouldCreateTheApplicationAccountDisabledAtThePrepareAndEnableItOnTheStartDate() {
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), new Joined("j1", facts("Finance"), START), NOW);

        AccessPlanner.Due prepared = planner.due(state, START_INSTANT.minus(Duration.ofDays(7)));

        assertThat(targeted(prepared)).containsExactly(
                "directory " + new EnsureAccount(facts("Finance").profile(), false),
                "directory " + new EnsureMembership(ID, "Finance Users", GroupKind.SECURITY),
                "slack " + new EnsureAccount(facts("Finance").profile(), false),
                "slack " + new EnsureMembership(ID, "finance-channel", GroupKind.SECURITY));
        Execution app = prepared.executions().get(2);
        assertThat(app.step()).isEqualTo(Step.ACCOUNT_CREATED);
        assertThat(app.entitlementId()).isEqualTo("slack");

        AccessPlanner.Due started = planner.due(prepared.state(), START_INSTANT);
        assertThat(targeted(started)).containsExactly("directory " + new SetAccountEnabled(ID, true),
                "slack " + new SetAccountEnabled(ID, true));
        assertThat(started.executions()).extracting(Execution::actionId).doesNotHaveDuplicates();
    }

    @Test
    void shouldMoveTheApplicationsGroupsAndUpdateItsAccountOnAMove() {
        PersonAccess state = active("Finance");
        state = planner.apply(state, new Moved("m1", ID, facts("Legal"), LocalDate.of(2027, 4, 1)), NOW);

        AccessPlanner.Due moved = planner.due(state, Instant.parse("2027-04-01T04:00:00Z"));

        assertThat(targeted(moved)).containsExactly(
                "directory " + new EnsureAccount(facts("Legal").profile(), true),
                "slack " + new RemoveMembership(ID, "finance-channel"),
                "directory " + new RemoveMembership(ID, "Finance Users"),
                "slack " + new EnsureMembership(ID, "legal-channel", GroupKind.SECURITY),
                "slack " + new EnsureAccount(facts("Legal").profile(), true));
    }

    @Test
    void shouldDisableTheApplicationAccountWithTheDirectoryAtTheCutOffAndDeleteItAfterRetention() {
        PersonAccess state = planner.apply(active("Finance"), new Left("l1", ID, "America/New_York",
                LocalDate.of(2027, 3, 19), false), NOW);
        Instant cutOff = Instant.parse("2027-03-19T21:00:00Z");

        AccessPlanner.Due cut = planner.due(state, cutOff);

        assertThat(targeted(cut)).containsExactly(
                "directory " + new SetAccountEnabled(ID, false),
                "slack " + new SetAccountEnabled(ID, false),
                "slack " + new RemoveMembership(ID, "finance-channel"),
                "directory " + new RemoveMembership(ID, "Finance Users"));
        assertThat(cut.executions().get(1).step()).isEqualTo(Step.ACCOUNT_DISABLED);

        AccessPlanner.Due deleted = planner.due(cut.state(), cutOff.plus(Duration.ofDays(90)));
        assertThat(targeted(deleted)).containsExactly("slack " + new DeleteAccount(ID),
                "directory " + new DeleteAccount(ID));
        assertThat(planner.due(deleted.state(), cutOff.plus(Duration.ofDays(91))).executions()).isEmpty();
    }

    @Test
    void shouldLeaveAnApplicationWithoutAConnectorPlannedOnly() {
        AccessPlanner unmanaged = new AccessPlanner(policy, PlanningSettings.DEFAULTS);
        PersonAccess state = unmanaged.apply(PersonAccess.unknown(ID), new Joined("j1", facts("Finance"), START), NOW);

        AccessPlanner.Due prepared = unmanaged.due(state, START_INSTANT.minus(Duration.ofDays(7)));

        assertThat(prepared.executions()).extracting(Execution::target).containsOnly("directory");
        assertThat(prepared.state().granted()).contains("slack", "slack-finance", "payroll");
    }

    private PersonAccess active(String department) {
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), new Joined("j0", facts(department),
                LocalDate.of(2026, 1, 5)), NOW.minus(Duration.ofDays(500)));
        return planner.due(state, NOW.minus(Duration.ofDays(1))).state();
    }

    private static PersonFacts facts(String department) {
        return AccessPlannerTest.facts(department);
    }

    private static List<String> targeted(AccessPlanner.Due due) {
        return due.executions().stream().map(e -> e.target() + " " + commandOf(e)).toList();
    }

    private static String commandOf(Execution e) {
        AccessCommand command = e.command();
        return command.toString();
    }
}
