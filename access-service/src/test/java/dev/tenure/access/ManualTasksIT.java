package dev.tenure.access;

import static dev.tenure.access.support.CommandTopics.awaitEvents;
import static dev.tenure.access.support.CommandTopics.eventsSoFar;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tenure.access.manual.ManualTask;
import dev.tenure.access.manual.store.KafkaTaskStore;
import dev.tenure.access.support.CommandTopics;
import dev.tenure.access.support.HrEvents;
import dev.tenure.access.support.HrTopic;
import dev.tenure.access.support.ManualTaskTopics;
import dev.tenure.access.support.ManualTasksProfile;
import dev.tenure.access.support.TestClockProducer;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Manual tasks in the running service against the real broker and registry: a leaver with a manual application gets a
 * task (and a WAITING_FOR_HUMAN outcome); provisioners assign, reassign, complete and bulk-complete it over the API, and
 * each change is an outcome event saying who did it and when; an old task is reminded and escalated on the service's
 * clock; the tasks are on access-manual-tasks, so a fresh view (what a restarted instance reads) holds them all; a
 * replayed command opens no second task; the provisioners' page is served.
 */
@QuarkusTest
@TestProfile(ManualTasksProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManualTasksIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TARGET = ManualTaskTopics.TARGET;
    private static final String ANN = TestTokens.sign("prov-ann", "provisioner", null);
    private static final String BOB = TestTokens.sign("prov-bob", "provisioner", null);
    private static final String AUDITOR = TestTokens.sign("auditor-1", "auditor", null);
    private static final Position ACCOUNTANT = HrEvents.position("DOR", "Finance", "ACCT-2", "Accountant");

    @Test
    void shouldOpenATaskForALeaversManualAppAndReportWhoDidEachStepAndWhen() {
        // Given an accountant (legacy payroll, a manual application) who joined last year, terminated immediately
        String person = newPerson();
        Instant now = TestClockProducer.CLOCK.instant();
        HrLifecycleEvent leaver = HrEvents.leaver(person, "DOR", LocalDate.ofInstant(now, java.time.ZoneOffset.UTC),
                true, now);
        HrTopic.publish(List.of(HrEvents.joiner(person, "Ada", "Ledger", ACCOUNTANT,
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusYears(1), now), leaver));

        // Then the revocation in payroll is a task, reported as waiting for a human under the command's identity
        AccessEvent opened = awaitEvents(e -> person.equals(e.getPersonId()) && TARGET.equals(e.getTargetSystem())
                && leaver.getEventId().equals(e.getCausationId()), 1, WAIT).get(0);
        assertThat(opened.getAction()).isEqualTo(AccessAction.MANUAL_TASK_OPENED);
        assertThat(opened.getOutcome()).isEqualTo(AccessOutcome.WAITING_FOR_HUMAN);
        assertThat(opened.getEntitlement()).isEqualTo("payroll-legacy");
        String id = opened.getActionId();
        assertThat(opened.getReason()).contains(id).contains("queue payroll-legacy");
        AccessCommand command = CommandTopics.commandsSoFar(c -> id.equals(c.getActionId())).get(0);
        assertThat(command.getOperation()).isEqualTo(AccessOperation.REMOVE_MEMBERSHIP);
        assertThat(command.getStep()).isEqualTo(AccessStep.ENTITLEMENT_REVOKED);
        assertThat(opened.getDueAt()).isEqualTo(command.getDueAt());

        // And the task is in the payroll queue, open, for provisioners and auditors to see
        JsonPath task = awaitTask(id);
        assertThat(task.getString("state")).isEqualTo("OPEN");
        assertThat(task.getString("request")).isEqualTo("REVOKE");
        assertThat(task.getString("group")).isEqualTo("Legacy Payroll (example)");
        given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks?app=payroll-legacy&state=OPEN").then()
                .statusCode(200).body("tasks.id", org.hamcrest.Matchers.hasItem(id));

        // When Ann takes it, then hands it to Bob with a reason, and Bob says it was done ten minutes ago
        act(ANN, id, "assign", Map.of("version", 1)).then().statusCode(200).body("assignee", equalTo("prov-ann"))
                .body("version", equalTo(2));
        act(ANN, id, "reassign", Map.of("version", 2, "assignee", "prov-bob", "reason", "payroll admin rights"))
                .then().statusCode(200).body("assignee", equalTo("prov-bob"));
        Instant doneAt = TestClockProducer.CLOCK.instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        act(BOB, id, "done", Map.of("version", 3, "comment", "removed from payroll", "effectiveAt", doneAt.toString()))
                .then().statusCode(200).body("state", equalTo("DONE")).body("version", equalTo(4));

        // Then each step is an outcome of the same action, with who did it and when
        List<AccessEvent> steps = awaitEvents(e -> id.equals(e.getActionId()), 4, WAIT);
        assertThat(steps).extracting(AccessEvent::getAction, AccessEvent::getOutcome, AccessEvent::getActor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AccessAction.MANUAL_TASK_OPENED,
                                AccessOutcome.WAITING_FOR_HUMAN, "access-service"),
                        org.assertj.core.groups.Tuple.tuple(AccessAction.MANUAL_TASK_ASSIGNED,
                                AccessOutcome.WAITING_FOR_HUMAN, "prov-ann"),
                        org.assertj.core.groups.Tuple.tuple(AccessAction.MANUAL_TASK_ASSIGNED,
                                AccessOutcome.WAITING_FOR_HUMAN, "prov-ann"),
                        org.assertj.core.groups.Tuple.tuple(AccessAction.MANUAL_TASK_COMPLETED, AccessOutcome.DONE,
                                "prov-bob"));
        AccessEvent completed = steps.get(3);
        assertThat(completed.getEffectiveAt()).isEqualTo(doneAt);
        assertThat(steps.get(2).getReason()).contains("prov-bob").contains("payroll admin rights");
        assertThat(steps).allSatisfy(e -> {
            assertThat(e.getCausationId()).isEqualTo(leaver.getEventId());
            assertThat(e.getCorrelationId()).isEqualTo(command.getCorrelationId());
            assertThat(e.getDueAt()).isEqualTo(command.getDueAt());
            assertThat(e.getTargetSystem()).isEqualTo(TARGET);
        });

        // And the task's states are on access-manual-tasks, one record per change, the last DONE by Bob
        List<dev.tenure.schemas.access.ManualTask> records = taskRecords(id, 4);
        assertThat(records).extracting(dev.tenure.schemas.access.ManualTask::getVersion).containsExactly(1, 2, 3, 4);
        assertThat(records.get(3).getUpdatedBy()).isEqualTo("prov-bob");
        assertThat(records.get(3).getCompletedAt()).isEqualTo(doneAt);
    }

    @Test
    void shouldRefuseBadOrStaleChangesAndPublishNothingForThem() {
        String person = newPerson();
        AccessCommand revoke = revoke(person);
        CommandTopics.send(revoke);
        String id = revoke.getActionId();
        awaitTask(id);

        act(ANN, id, "done", Map.of("comment", "x", "effectiveAt", "2999-01-01T00:00:00Z")).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.contains("version",
                        "effectiveAt"));
        act(ANN, id, "reassign", Map.of("version", 1, "assignee", "prov-bob")).then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        act(ANN, id, "errored", Map.of("version", 1)).then().statusCode(422).body("errors[0].field", equalTo("comment"));
        act(ANN, id, "done", Map.of("version", 7)).then().statusCode(409)
                .body("type", equalTo("https://tenure.dev/problems/stale-version"));
        given().auth().oauth2(ANN).contentType("application/json").body("{not json")
                .post("/api/v1/manual-tasks/" + id + "/done").then().statusCode(400);
        act(AUDITOR, id, "assign", Map.of("version", 1)).then().statusCode(403);
        given().contentType("application/json").body(Map.of("version", 1))
                .post("/api/v1/manual-tasks/" + id + "/assign").then().statusCode(401);
        act(ANN, "no/such/task", "done", Map.of("version", 1)).then().statusCode(404);

        assertThat(eventsSoFar(e -> id.equals(e.getActionId()))).extracting(AccessEvent::getAction)
                .containsExactly(AccessAction.MANUAL_TASK_OPENED);
        given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("state", equalTo("OPEN"));
    }

    @Test
    void shouldCompleteManyTasksAtOnceWithAResultPerTask() {
        List<AccessCommand> revokes = IntStream.range(0, 3).mapToObj(i -> revoke(newPerson())).toList();
        CommandTopics.send(revokes.toArray(AccessCommand[]::new));
        revokes.forEach(c -> awaitTask(c.getActionId()));
        String stale = revokes.get(2).getActionId();
        act(ANN, stale, "assign", Map.of("version", 1)).then().statusCode(200);

        // When Bob marks all three done, plus one id that does not exist; the third at a version he did not see
        List<Map<String, Object>> items = new ArrayList<>();
        revokes.forEach(c -> items.add(Map.of("id", c.getActionId(), "version", 1)));
        items.add(1, Map.of("id", "no/such/task", "version", 1));
        JsonPath answer = given().auth().oauth2(BOB).contentType("application/json")
                .body(Map.of("action", "done", "comment", "batch removal", "items", items))
                .post("/api/v1/manual-tasks/bulk").then().statusCode(200).extract().jsonPath();

        // Then each got its own answer, and the bad ones did not stop the others
        assertThat(answer.getInt("succeeded")).isEqualTo(2);
        assertThat(answer.getList("results.status", Integer.class)).containsExactly(200, 404, 200, 409);
        for (int i : new int[] {0, 1}) {
            String id = revokes.get(i).getActionId();
            AccessEvent done = awaitEvents(e -> id.equals(e.getActionId())
                    && e.getAction() == AccessAction.MANUAL_TASK_COMPLETED, 1, WAIT).get(0);
            assertThat(done.getOutcome()).isEqualTo(AccessOutcome.DONE);
            assertThat(done.getActor()).isEqualTo("prov-bob");
        }

        // And one marked errored says why, as a failure
        act(ANN, stale, "errored", Map.of("version", 2, "comment", "no such user in payroll")).then().statusCode(200);
        AccessEvent failed = awaitEvents(e -> stale.equals(e.getActionId())
                && e.getAction() == AccessAction.MANUAL_TASK_COMPLETED, 1, WAIT).get(0);
        assertThat(failed.getOutcome()).isEqualTo(AccessOutcome.FAILED);
        assertThat(failed.getReason()).isEqualTo("no such user in payroll");
        assertThat(failed.getActor()).isEqualTo("prov-ann");

        // And a bulk request without an action is refused as a whole, naming the field
        given().auth().oauth2(BOB).contentType("application/json").body(Map.of("items", items))
                .post("/api/v1/manual-tasks/bulk").then().statusCode(422).body("errors[0].field", equalTo("action"));
    }

    @Test
    void shouldNotOpenASecondTaskForAReplayedCommand() {
        String person = newPerson();
        AccessCommand revoke = revoke(person);
        String id = revoke.getActionId();
        CommandTopics.send(revoke, revoke);

        // Then the two deliveries both say "waiting", and there is one task, written once
        List<AccessEvent> waiting = awaitEvents(e -> id.equals(e.getActionId()), 2, WAIT);
        assertThat(waiting).extracting(AccessEvent::getOutcome).containsOnly(AccessOutcome.WAITING_FOR_HUMAN);
        given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks?app=payroll-legacy").then().statusCode(200)
                .body("tasks.findAll { it.personId == '" + person + "' }.size()", equalTo(1));
        assertThat(taskRecords(id, 1)).hasSize(1);

        // When it is done and the command comes once more: already so, still one task
        act(BOB, id, "done", Map.of("version", 1)).then().statusCode(200);
        CommandTopics.send(revoke);
        List<AccessEvent> all = awaitEvents(e -> id.equals(e.getActionId()), 4, WAIT);
        assertThat(all.get(3).getOutcome()).isEqualTo(AccessOutcome.ALREADY_SO);
        assertThat(taskRecords(id, 2)).extracting(dev.tenure.schemas.access.ManualTask::getVersion)
                .containsExactly(1, 2);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: moving the service's clock ages every open task of the other tests too
    void shouldRemindThenEscalateAnOldTaskOnTheServicesClock() throws Exception {
        String person = newPerson();
        AccessCommand revoke = revoke(person);
        String id = revoke.getActionId();
        CommandTopics.send(revoke);
        awaitTask(id);

        // When two days pass on the service's clock: a reminder, once
        TestClockProducer.CLOCK.advance(Duration.ofDays(2).plusMinutes(1));
        AccessEvent reminded = awaitEvents(e -> id.equals(e.getActionId())
                && e.getAction() == AccessAction.MANUAL_TASK_REMINDED, 1, WAIT).get(0);
        assertThat(reminded.getOutcome()).isEqualTo(AccessOutcome.WAITING_FOR_HUMAN);
        assertThat(reminded.getActor()).isEqualTo("access-service");
        given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks?overdue=true").then().statusCode(200)
                .body("tasks.id", org.hamcrest.Matchers.hasItem(id));

        // When five days have passed: escalated to the escalation queue and its lead, once
        TestClockProducer.CLOCK.advance(Duration.ofDays(3));
        AccessEvent escalated = awaitEvents(e -> id.equals(e.getActionId())
                && e.getAction() == AccessAction.MANUAL_TASK_ESCALATED, 1, WAIT).get(0);
        assertThat(escalated.getOutcome()).isEqualTo(AccessOutcome.WAITING_FOR_HUMAN);
        assertThat(escalated.getReason()).contains("payroll-escalations").contains("payroll-lead");
        given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks/" + id).then().statusCode(200)
                .body("queue", equalTo("payroll-escalations")).body("assignee", equalTo("payroll-lead"))
                .body("state", equalTo("ASSIGNED"));
        Thread.sleep(1000); // several checks later
        assertThat(eventsSoFar(e -> id.equals(e.getActionId()))).extracting(AccessEvent::getAction).containsExactly(
                AccessAction.MANUAL_TASK_OPENED, AccessAction.MANUAL_TASK_REMINDED, AccessAction.MANUAL_TASK_ESCALATED);
    }

    @Test
    void shouldReadEveryTaskBackFromTheTopicAsARestartedInstanceDoes() throws Exception {
        String person = newPerson();
        AccessCommand revoke = revoke(person);
        CommandTopics.send(revoke);
        awaitTask(revoke.getActionId());
        act(ANN, revoke.getActionId(), "assign", Map.of("version", 1)).then().statusCode(200);
        JsonPath all = given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks").then().statusCode(200).extract()
                .jsonPath();

        // When a new store reads access-manual-tasks from the start, as the service does at start-up
        TenurePeers peers = TenurePeers.shared();
        try (KafkaTaskStore fresh = new KafkaTaskStore(Map.of("bootstrap.servers", peers.bootstrapServers()),
                peers.registryUrl(), "manual-it-reader-" + UUID.randomUUID(), Duration.ofSeconds(30),
                Clock.systemUTC())) {
            fresh.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!fresh.ready() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(fresh.ready()).isTrue();

            // Then it holds every task the service shows, at the same version and state
            for (int i = 0; i < all.getList("tasks").size(); i++) {
                String id = all.getString("tasks[" + i + "].id");
                ManualTask read = fresh.find(id).orElseThrow(() -> new AssertionError("not read back: " + id));
                assertThat(read.version()).isEqualTo(all.getInt("tasks[" + i + "].version"));
                assertThat(read.state().name()).isEqualTo(all.getString("tasks[" + i + "].state"));
            }
            ManualTask mine = fresh.find(revoke.getActionId()).orElseThrow();
            assertThat(mine.assignee()).isEqualTo("prov-ann");
            assertThat(mine.version()).isEqualTo(2);
        }
    }

    @Test
    void shouldServeTheProvisionersPage() {
        given().get("/tasks/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Manual tasks")).body(containsString("tasks.js"));
        given().get("/tasks/tasks.js").then().statusCode(200).body(containsString("/api/v1/manual-tasks"));
    }

    // ---- helpers

    private static io.restassured.response.Response act(String token, String id, String action, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/manual-tasks/" + id + "/" + action);
    }

    private static JsonPath awaitTask(String id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().auth().oauth2(AUDITOR).get("/api/v1/manual-tasks/" + id);
            if (response.statusCode() == 200) {
                return response.jsonPath();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("task " + id + " not shown within " + WAIT);
    }

    private static List<dev.tenure.schemas.access.ManualTask> taskRecords(String id, int count) {
        return ManualTaskTopics.records(id, count);
    }

    private static AccessCommand revoke(String person) {
        return ManualTaskTopics.revoke(person, TestClockProducer.CLOCK.instant());
    }

    private static String newPerson() {
        return "M" + UUID.randomUUID().toString().substring(0, 8);
    }
}
