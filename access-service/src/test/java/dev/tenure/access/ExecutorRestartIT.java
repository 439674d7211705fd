package dev.tenure.access;

import static dev.tenure.access.support.CommandTopics.awaitEvents;
import static dev.tenure.access.support.CommandTopics.ensureAccount;
import static dev.tenure.access.support.CommandTopics.eventsSoFar;
import static dev.tenure.access.support.CommandTopics.send;
import static dev.tenure.access.support.CommandTopics.setEnabled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tenure.access.support.ExecutionTestResource;
import dev.tenure.access.support.PackagedAccessEnvironment;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TestTokens;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service killed with {@code kill -9} while the mass-change brake holds a disable: started again, it
 * finds the brake still engaged (a restart is no way around it), runs nothing until an operator releases it, and then
 * carries out the held disable once — and none of the disables done before the kill a second time.
 */
class ExecutorRestartIT {

    private static final int THRESHOLD = 3;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String OPERATOR = TestTokens.sign("ops-anna", "operator", null);

    private OpenLdapDirectory slapd;
    private PackagedService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void shouldKeepTheBrakeEngagedAcrossAKillAndRunTheHeldDisableOnceAfterTheRelease() throws Exception {
        // Given the service running against slapd, with a brake of 3 disables, and 4 people with enabled accounts
        TenurePeers peers = TenurePeers.shared();
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
        slapd = OpenLdapDirectory.start(List.of(Path.of("src/main/resources/directory/openldap/tenure.schema")));
        Map<String, String> env = environment(peers);
        service = PackagedService.start("access-service-restart-it", env, 0).awaitReady(WAIT);
        List<String> people = IntStream.range(0, THRESHOLD + 1).mapToObj(i -> "R" + UUID.randomUUID().toString()
                .substring(0, 8)).toList();
        send(people.stream().map(p -> ensureAccount(p, true)).toArray(AccessCommand[]::new));
        awaitEvents(e -> people.contains(e.getPersonId()), THRESHOLD + 1, WAIT);

        // When all 4 are disabled: 3 are, and the brake holds the 4th
        send(people.stream().map(p -> setEnabled(p, false)).toArray(AccessCommand[]::new));
        awaitEvents(e -> people.contains(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_DISABLED,
                THRESHOLD, WAIT);
        String held = awaitBrake("ENGAGED", WAIT).getString("held.personId");

        // And the service is killed, then started again (same port: same base URI for the operator)
        service.kill();
        service = PackagedService.start("access-service-restart-it-2", env, service.port()).awaitReady(WAIT);

        // Then the brake shows engaged from the start (read from the group's committed offsets, before the killed
        // member's partitions come back), and once the executor has its partitions the held disable still waits
        JsonPath brake = awaitBrake("ENGAGED", Duration.ofSeconds(15));
        assertThat(brake.getString("reason")).contains("restored from the committed offsets");
        awaitPartitions();
        Thread.sleep(2000);
        assertThat(disables(people)).doesNotContainKey(held);

        // When an operator releases it
        given().baseUri(service.baseUri().toString()).auth().oauth2(OPERATOR).contentType("application/json")
                .body(Map.of("reason", "checked after the restart")).post("/api/v1/brake/release")
                .then().statusCode(200).body("state", equalTo("RELEASED"));

        // Then every person is disabled exactly once: the held one now, none of the others again
        awaitEvents(e -> people.contains(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_DISABLED,
                THRESHOLD + 1, WAIT);
        Thread.sleep(2000);
        Map<String, List<AccessEvent>> disables = disables(people);
        assertThat(disables.keySet()).containsExactlyInAnyOrderElementsOf(people);
        assertThat(disables.values()).allSatisfy(events -> assertThat(events).singleElement()
                .satisfies(e -> assertThat(e.getOutcome()).isEqualTo(AccessOutcome.DONE)));
    }

    private Map<String, String> environment(TenurePeers peers) throws Exception {
        String group = "access-service-executor-restart-it-" + UUID.randomUUID();
        ExecutionTestResource.startAtTheEnd(group);
        Map<String, String> env = PackagedService.environment(peers.bootstrapServers(), peers.registryUrl());
        env.put("TENURE_ACCESS_STATE_DIR", Files.createTempDirectory("access-restart-it").toString());
        env.putAll(PackagedAccessEnvironment.openLdapDirectory(slapd));
        env.put("TENURE_ACCESS_EXECUTOR_GROUP_ID", group);
        env.put("TENURE_ACCESS_BRAKE_THRESHOLD", Integer.toString(THRESHOLD));
        env.put("TENURE_ACCESS_BRAKE_WINDOW", "1h");
        return env;
    }

    private void awaitPartitions() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().baseUri(service.baseUri().toString()).auth().oauth2(OPERATOR).get("/api/v1/executor");
            if (response.statusCode() == 200 && !response.jsonPath().getList("partitions").isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the executor got no partitions; log:\n" + service.lastLogLines(30));
    }

    private JsonPath awaitBrake(String state, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().baseUri(service.baseUri().toString()).auth().oauth2(OPERATOR).get("/api/v1/brake");
            if (response.statusCode() == 200 && state.equals(response.jsonPath().getString("state"))) {
                return response.jsonPath();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the brake did not become " + state + "; log:\n" + service.lastLogLines(30));
    }

    private static Map<String, List<AccessEvent>> disables(List<String> people) {
        return eventsSoFar(e -> people.contains(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_DISABLED)
                .stream().collect(Collectors.groupingBy(AccessEvent::getPersonId, HashMap::new,
                        Collectors.mapping(Function.identity(), Collectors.toList())));
    }
}
