package dev.tenure.access.manual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.manual.ManualTask.Request;
import dev.tenure.access.manual.ManualTask.State;
import dev.tenure.access.manual.TaskTransitions.Applied;
import dev.tenure.access.manual.TaskTransitions.FieldError;
import dev.tenure.access.manual.TaskTransitions.Kind;
import dev.tenure.access.manual.TaskTransitions.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTransitionsTest {

    private static final Instant OPENED = Instant.parse("2027-06-30T21:00:00Z");
    private final TaskTransitions rules = new TaskTransitions(new TaskTransitions.Settings(Duration.ofDays(2),
            Duration.ofDays(5), "payroll-escalations", "payroll-lead"));

    private static ManualTask opened() {
        return TaskTransitions.open("l1/cut-off/entitlement_revoked/payroll", "P1", "DOR", "manual:payroll",
                "payroll", "Legacy Payroll", Request.REVOKE, "ENTITLEMENT_REVOKED", "l1", "case-1", OPENED, "payroll",
                "access-service", OPENED);
    }

    @Test
    void shouldOpenAtVersionOneInTheApplicationsQueue() {
        ManualTask task = opened();

        assertThat(task.state()).isEqualTo(State.OPEN);
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.queue()).isEqualTo("payroll");
        assertThat(task.app()).isEqualTo("payroll");
        assertThat(task.assignee()).isNull();
    }

    @Test
    void shouldAssignToTheCallerByDefaultThenReassignWithAReasonThenComplete() {
        Instant t1 = OPENED.plusSeconds(60);
        Result assigned = rules.assign(opened(), 1, "prov-ann", null, t1);
        assertThat(assigned.ok()).isTrue();
        ManualTask a = assigned.applied().task();
        assertThat(a.state()).isEqualTo(State.ASSIGNED);
        assertThat(a.assignee()).isEqualTo("prov-ann");
        assertThat(a.version()).isEqualTo(2);
        assertThat(a.updatedBy()).isEqualTo("prov-ann");
        assertThat(a.updatedAt()).isEqualTo(t1);

        Result reassigned = rules.reassign(a, 2, "prov-ann", "prov-bob", "on leave tomorrow", t1.plusSeconds(1));
        ManualTask r = reassigned.applied().task();
        assertThat(reassigned.applied().kind()).isEqualTo(Kind.REASSIGNED);
        assertThat(r.assignee()).isEqualTo("prov-bob");
        assertThat(r.comment()).isEqualTo("on leave tomorrow");
        assertThat(r.version()).isEqualTo(3);

        Instant said = t1.minusSeconds(30);
        Result done = rules.done(r, 3, "prov-bob", null, said, t1.plusSeconds(120));
        ManualTask d = done.applied().task();
        assertThat(d.state()).isEqualTo(State.DONE);
        assertThat(d.completedAt()).isEqualTo(said);
        assertThat(d.updatedAt()).isEqualTo(t1.plusSeconds(120));
        assertThat(d.comment()).isNull();
        assertThat(d.version()).isEqualTo(4);
    }

    @Test
    void shouldRequireAReasonToReassignAndAnAssignee() {
        Result refused = rules.reassign(opened(), 1, "prov-ann", " ", "  ", OPENED);

        assertThat(refused.ok()).isFalse();
        assertThat(refused.refusal().status()).isEqualTo(422);
        assertThat(refused.refusal().errors()).extracting(FieldError::field).containsExactly("assignee", "reason");
    }

    @Test
    void shouldRequireACommentToMarkErroredAndKeepItAsTheReason() {
        assertThat(rules.errored(opened(), 1, "prov-ann", null, OPENED).refusal().errors())
                .extracting(FieldError::field).containsExactly("comment");

        ManualTask errored = rules.errored(opened(), 1, "prov-ann", "no such user in payroll", OPENED.plusSeconds(5))
                .applied().task();
        assertThat(errored.state()).isEqualTo(State.ERRORED);
        assertThat(errored.comment()).isEqualTo("no such user in payroll");
        assertThat(errored.completedAt()).isEqualTo(OPENED.plusSeconds(5));
    }

    @Test
    void shouldRefuseADoneDatedInTheFuture() {
        Result refused = rules.done(opened(), 1, "prov-ann", "ok", OPENED.plusSeconds(61), OPENED.plusSeconds(60));

        assertThat(refused.refusal().status()).isEqualTo(422);
        assertThat(refused.refusal().errors()).extracting(FieldError::field).containsExactly("effectiveAt");
    }

    @Test
    void shouldAnswerConflictForAStaleVersionAndRequireAVersion() {
        ManualTask assigned = rules.assign(opened(), 1, "prov-ann", null, OPENED).applied().task();

        Result stale = rules.done(assigned, 1, "prov-bob", null, null, OPENED.plusSeconds(1));
        assertThat(stale.refusal().status()).isEqualTo(409);
        assertThat(stale.refusal().slug()).isEqualTo("stale-version");
        assertThat(stale.refusal().detail()).contains("version 2").contains("prov-ann");

        Result missing = rules.done(assigned, null, "prov-bob", null, null, OPENED.plusSeconds(1));
        assertThat(missing.refusal().status()).isEqualTo(422);
        assertThat(missing.refusal().errors()).extracting(FieldError::field).containsExactly("version");
    }

    @Test
    void shouldKeepDoneAndErroredFinal() {
        ManualTask done = rules.done(opened(), 1, "prov-ann", null, null, OPENED).applied().task();

        for (Result r : List.of(rules.done(done, 2, "x", null, null, OPENED), rules.errored(done, 2, "x", "late", OPENED),
                rules.assign(done, 2, "x", null, OPENED), rules.reassign(done, 2, "x", "y", "why", OPENED))) {
            assertThat(r.refusal().status()).isEqualTo(409);
            assertThat(r.refusal().slug()).isEqualTo("task-state");
        }
        assertThat(rules.age(done, "access-service", OPENED.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void shouldNotAssignAnAssignedTaskWithoutAReason() {
        ManualTask assigned = rules.assign(opened(), 1, "prov-ann", null, OPENED).applied().task();

        Result again = rules.assign(assigned, 2, "prov-bob", null, OPENED);

        assertThat(again.refusal().status()).isEqualTo(409);
        assertThat(again.refusal().detail()).contains("assigned to prov-ann");
    }

    @Test
    void shouldRemindOnceThenEscalateOnceToTheEscalationQueue() {
        ManualTask task = opened();
        assertThat(rules.age(task, "access-service", OPENED.plus(Duration.ofDays(2)).minusSeconds(1))).isEmpty();
        assertThat(rules.overdue(task, OPENED.plus(Duration.ofDays(1)))).isFalse();

        List<Applied> reminded = rules.age(task, "access-service", OPENED.plus(Duration.ofDays(2)));
        assertThat(reminded).extracting(Applied::kind).containsExactly(Kind.REMINDED);
        task = reminded.get(0).task();
        assertThat(task.remindedAt()).isEqualTo(OPENED.plus(Duration.ofDays(2)));
        assertThat(task.version()).isEqualTo(2);
        assertThat(rules.overdue(task, OPENED.plus(Duration.ofDays(2)))).isTrue();
        assertThat(rules.age(task, "access-service", OPENED.plus(Duration.ofDays(3)))).isEmpty();

        List<Applied> escalated = rules.age(task, "access-service", OPENED.plus(Duration.ofDays(5)));
        assertThat(escalated).extracting(Applied::kind).containsExactly(Kind.ESCALATED);
        task = escalated.get(0).task();
        assertThat(task.queue()).isEqualTo("payroll-escalations");
        assertThat(task.assignee()).isEqualTo("payroll-lead");
        assertThat(task.state()).isEqualTo(State.ASSIGNED);
        assertThat(rules.age(task, "access-service", OPENED.plus(Duration.ofDays(9)))).isEmpty();
    }

    @Test
    void shouldRemindAndEscalateAtOneCheckAfterALongAbsence() {
        List<Applied> both = rules.age(opened(), "access-service", OPENED.plus(Duration.ofDays(6)));

        assertThat(both).extracting(Applied::kind).containsExactly(Kind.REMINDED, Kind.ESCALATED);
        assertThat(both.get(1).task().version()).isEqualTo(3);
    }
}
