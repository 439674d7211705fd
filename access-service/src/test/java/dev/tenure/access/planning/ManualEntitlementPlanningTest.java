package dev.tenure.access.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
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
 * A manual entitlement (an application with no API, target {@code manual:<app>}): when manual targets are served it is
 * commanded like a group — granted at the prepare, revoked on a move that no longer gives it and at the leaver's
 * cut-off — and the command goes to the {@code manual:<app>} target, where it becomes a task for a person. Without
 * {@link PlanningSettings#MANUAL_TARGETS} it is planned but not commanded, as before.
 */
class ManualEntitlementPlanningTest {

    private static final String ID = AccessPlannerTest.facts("Finance").personId();
    private static final Instant NOW = Instant.parse("2027-03-01T14:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 3, 22);
    private static final Instant START_INSTANT = Instant.parse("2027-03-22T04:00:00Z");
    private static final String POLICY = """
            version: manual-1
            entitlements:
              - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: account}
              - {id: finance, kind: SECURITY_GROUP, target: directory, name: Finance Users, requires: [account]}
              - {id: payroll, kind: SCIM_APP, target: "manual:payroll", name: Legacy Payroll, manual: true, requires: [account]}
            rules:
              - name: baseline
                grant: [account]
              - name: finance
                when: {department: [Finance]}
                grant: [finance, payroll]
            """;

    private final AccessPolicy policy = PolicyLoader.load(new StringReader(POLICY), "manual planner test policy");

    private AccessPlanner planner(Set<String> managed) {
        return new AccessPlanner(policy, new PlanningSettings(Duration.ofDays(7), LocalTime.MIDNIGHT,
                LocalTime.of(17, 0), Duration.ofDays(90), "directory", managed, "vpn"));
    }

    private final AccessPlanner planner = planner(Set.of("directory", PlanningSettings.MANUAL_TARGETS));

    @Test
    void shouldCommandAManualGrantToItsManualTargetAtThePrepare() {
        // Given a finance joiner
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), new Joined("j1", facts("Finance"), START), NOW);

        // When the prepare falls due
        AccessPlanner.Due prepared = planner.due(state, START_INSTANT.minus(Duration.ofDays(7)));

        // Then the legacy payroll is a membership command to manual:payroll, after the account
        Execution payroll = only(prepared, "manual:payroll");
        assertThat(payroll.command()).isEqualTo(new EnsureMembership(ID, "Legacy Payroll", GroupKind.SECURITY));
        assertThat(payroll.step()).isEqualTo(Step.ENTITLEMENT_GRANTED);
        assertThat(payroll.entitlementId()).isEqualTo("payroll");
        assertThat(payroll.causationId()).isEqualTo("j1");
        assertThat(payroll.actionId()).isEqualTo("j1/prepare/entitlement_granted/payroll");
        assertThat(prepared.executions().get(0).target()).isEqualTo("directory");
        assertThat(prepared.state().granted()).contains("payroll");
    }

    @Test
    void shouldRevokeTheManualEntitlementAtTheCutOffAfterTheAccountIsDisabled() {
        // Given a finance employee, active
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), new Joined("j1", facts("Finance"), START), NOW);
        state = planner.due(state, START_INSTANT).state();

        // When they leave and the cut-off (17:00 New York on the end date) comes
        LocalDate end = LocalDate.of(2027, 6, 30);
        Instant cutOff = Instant.parse("2027-06-30T21:00:00Z");
        state = planner.apply(state, new Left("l1", ID, "America/New_York", end, false), NOW);
        AccessPlanner.Due cut = planner.due(state, cutOff);

        // Then the directory account is disabled first, and the payroll access is a revoke task at the same milestone
        assertThat(cut.executions().get(0).step()).isEqualTo(Step.ACCOUNT_DISABLED);
        Execution payroll = only(cut, "manual:payroll");
        assertThat(payroll.command()).isEqualTo(new RemoveMembership(ID, "Legacy Payroll"));
        assertThat(payroll.step()).isEqualTo(Step.ENTITLEMENT_REVOKED);
        assertThat(payroll.causationId()).isEqualTo("l1");
        assertThat(payroll.dueAt()).isEqualTo(cutOff);
        assertThat(payroll.actionId()).isEqualTo("l1/cut-off/entitlement_revoked/payroll");
    }

    @Test
    void shouldRevokeTheManualEntitlementOnAMoveThatNoLongerGivesIt() {
        PersonAccess state = planner.apply(PersonAccess.unknown(ID), new Joined("j1", facts("Finance"), START), NOW);
        state = planner.due(state, START_INSTANT).state();
        LocalDate moveDay = LocalDate.of(2027, 5, 3);
        state = planner.apply(state, new Moved("m1", ID, facts("Legal"), moveDay), NOW);

        AccessPlanner.Due moved = planner.due(state, Instant.parse("2027-05-03T04:00:00Z"));

        Execution payroll = only(moved, "manual:payroll");
        assertThat(payroll.command()).isEqualTo(new RemoveMembership(ID, "Legacy Payroll"));
        assertThat(payroll.step()).isEqualTo(Step.ENTITLEMENT_REVOKED);
        assertThat(moved.state().granted()).doesNotContain("payroll");
    }

    @Test
    void shouldOnlyPlanManualEntitlementsWhenManualTargetsAreNotServed() {
        AccessPlanner unserved = planner(Set.of("directory"));
        PersonAccess state = unserved.apply(PersonAccess.unknown(ID), new Joined("j1", facts("Finance"), START), NOW);

        AccessPlanner.Due prepared = unserved.due(state, START_INSTANT);

        assertThat(prepared.executions()).extracting(Execution::target).containsOnly("directory");
        assertThat(prepared.state().granted()).contains("payroll");
    }

    private static Execution only(AccessPlanner.Due due, String target) {
        List<Execution> found = due.executions().stream().filter(e -> e.target().equals(target)).toList();
        assertThat(found).as("commands to " + target).hasSize(1);
        return found.get(0);
    }

    private static PersonFacts facts(String department) {
        return AccessPlannerTest.facts(department);
    }
}
