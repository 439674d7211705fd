package dev.tenure.access;

import static dev.tenure.access.support.CommandTopics.awaitEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tenure.access.support.CommandTopics;
import dev.tenure.access.support.ConsumerGroups;
import dev.tenure.access.support.ManualTaskTopics;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TestTokens;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service killed with {@code kill -9} while it holds manual tasks: started again, it reads them back from
 * access-manual-tasks (same versions, states and assignees), a replayed command opens no second task, and the work
 * goes on from where it was.
 */
class ManualTaskRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ANN = TestTokens.sign("prov-ann", "provisioner", null);

    private PackagedService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldKeepEveryTaskAcrossAKillAndOpenNoSecondOneForAReplayedCommand() throws Exception {
        // Given the service with two manual tasks: one assigned to Ann, one done
        TenurePeers peers = TenurePeers.shared();
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
        Map<String, String> env = environment(peers);
        service = PackagedService.start("access-service-manual-restart-it", env, 0).awaitReady(WAIT);
        AccessCommand assigned = ManualTaskTopics.revoke(newPerson(), Instant.now());
        AccessCommand done = ManualTaskTopics.revoke(newPerson(), Instant.now());
        CommandTopics.send(assigned, done);
        awaitTask(assigned.getActionId());
        awaitTask(done.getActionId());
        act(assigned.getActionId(), "assign", Map.of("version", 1)).then().statusCode(200);
        act(done.getActionId(), "done", Map.of("version", 1, "comment", "removed")).then().statusCode(200);

        // When it is killed and started again
        service.kill();
        service = PackagedService.start("access-service-manual-restart-it-2", env, service.port()).awaitReady(WAIT);

        // Then both tasks are there as they were (read back from the topic)
        JsonPath a = awaitTask(assigned.getActionId());
        assertThat(a.getInt("version")).isEqualTo(2);
        assertThat(a.getString("state")).isEqualTo("ASSIGNED");
        assertThat(a.getString("assignee")).isEqualTo("prov-ann");
        JsonPath d = awaitTask(done.getActionId());
        assertThat(d.getString("state")).isEqualTo("DONE");
        assertThat(d.getString("comment")).isEqualTo("removed");

        // When both commands are delivered again (a planner replay)
        CommandTopics.send(assigned, done);

        // Then the assigned one is still waiting, the done one already so, and no task was opened again
        AccessEvent waiting = awaitEvents(e -> assigned.getActionId().equals(e.getActionId())
                && e.getAction() == AccessAction.MANUAL_TASK_OPENED, 2, WAIT).get(1);
        assertThat(waiting.getOutcome()).isEqualTo(AccessOutcome.WAITING_FOR_HUMAN);
        assertThat(waiting.getReason()).contains("assigned to prov-ann");
        List<AccessEvent> doneEvents = awaitEvents(e -> done.getActionId().equals(e.getActionId()), 3, WAIT);
        assertThat(doneEvents.get(2).getOutcome()).isEqualTo(AccessOutcome.ALREADY_SO);
        assertThat(ManualTaskTopics.records(assigned.getActionId(), 2)).hasSize(2);
        assertThat(ManualTaskTopics.records(done.getActionId(), 2)).hasSize(2);

        // And the work goes on at the version it had
        act(assigned.getActionId(), "done", Map.of("version", 2)).then().statusCode(200).body("version", equalTo(3));
    }

    private Map<String, String> environment(TenurePeers peers) throws Exception {
        String run = "manual-restart-it-" + UUID.randomUUID().toString().substring(0, 8);
        ConsumerGroups.startAtTheEnd("access-service-" + run, Topics.HR_LIFECYCLE_EVENTS, Topics.ACCESS_LEGAL_HOLDS);
        ConsumerGroups.startAtTheEnd("access-service-executor-" + run, Topics.ACCESS_COMMANDS);
        Map<String, String> env = PackagedService.environment(peers.bootstrapServers(), peers.registryUrl());
        env.put("TENURE_ACCESS_STATE_DIR", Files.createTempDirectory("access-manual-restart-it").toString());
        env.put("TENURE_ACCESS_DIRECTORY_EMBEDDED_LDIF",
                Files.createTempDirectory("access-manual-restart-dir").resolve("directory.ldif").toString());
        env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "access-service-" + run);
        env.put("TENURE_ACCESS_EXECUTOR_GROUP_ID", "access-service-executor-" + run);
        env.put("TENURE_ACCESS_INSTANCE_ID", run);
        return env;
    }

    private io.restassured.response.Response act(String id, String action, Map<String, ?> body) {
        return given().baseUri(service.baseUri().toString()).auth().oauth2(ANN).contentType("application/json")
                .body(body).post("/api/v1/manual-tasks/" + id + "/" + action);
    }

    private JsonPath awaitTask(String id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            var response = given().baseUri(service.baseUri().toString()).auth().oauth2(ANN)
                    .get("/api/v1/manual-tasks/" + id);
            last = response.statusCode();
            if (last == 200) {
                return response.jsonPath();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task " + id + " not shown (last " + last + "); log:\n" + service.lastLogLines(30));
    }

    private static String newPerson() {
        return "K" + UUID.randomUUID().toString().substring(0, 8);
    }
}
