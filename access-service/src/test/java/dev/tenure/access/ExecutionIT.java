package dev.tenure.access;

import static dev.tenure.access.support.CommandTopics.awaitDeadLetters;
import static dev.tenure.access.support.CommandTopics.awaitEvents;
import static dev.tenure.access.support.CommandTopics.ensureAccount;
import static dev.tenure.access.support.CommandTopics.eventsSoFar;
import static dev.tenure.access.support.CommandTopics.header;
import static dev.tenure.access.support.CommandTopics.membership;
import static dev.tenure.access.support.CommandTopics.send;
import static dev.tenure.access.support.CommandTopics.setEnabled;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.tenure.access.support.CommandTopics;
import dev.tenure.access.support.ExecutionTestResource;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The executor in the running service against the real broker, registry and an OpenLDAP slapd: commands on
 * access-commands become changes in the directory and outcome events on access-events; permanent failures are
 * dead-lettered and replayed through the API; the brake stops the (N+1)th disable until an operator releases it.
 */
@QuarkusTest
@QuarkusTestResource(value = ExecutionTestResource.class, restrictToAnnotatedClass = true)
class ExecutionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OPERATOR = TestTokens.sign("ops-anna", "operator", null);
    private static final String AUDITOR = TestTokens.sign("auditor-1", "auditor", null);

    @Test
    void shouldReportDoneThenAlreadySoWhenTheSameCommandComesTwice() throws Exception {
        // Given a joiner's account command, delivered twice (a redelivery, or the planner replaying)
        String person = newPerson();
        AccessCommand create = ensureAccount(person, true);

        // When the executor carries out both
        send(create, create);

        // Then the directory has one account, and the outcomes say DONE once and ALREADY_SO once
        List<AccessEvent> events = awaitEvents(e -> person.equals(e.getPersonId()), 2, WAIT);
        assertThat(events).extracting(AccessEvent::getOutcome).containsExactly(AccessOutcome.DONE, AccessOutcome.ALREADY_SO);
        AccessEvent done = events.get(0);
        assertThat(done.getActionId()).isEqualTo(create.getActionId());
        assertThat(done.getAction()).isEqualTo(AccessAction.ACCOUNT_CREATED);
        assertThat(done.getCausationId()).isEqualTo(create.getCausationId());
        assertThat(done.getCorrelationId()).isEqualTo(create.getCorrelationId());
        assertThat(done.getTargetSystem()).isEqualTo("directory");
        assertThat(done.getSource()).isEqualTo("access-service");
        assertThat(done.getActor()).isEqualTo("access-service");
        assertThat(done.getDueAt()).isEqualTo(create.getDueAt());
        assertThat(done.getEffectiveAt()).isAfterOrEqualTo(create.getOccurredAt());
        assertThat(events.get(1).getEventId()).isNotEqualTo(done.getEventId());
        assertThat(accounts(person)).hasSize(1);
    }

    @Test
    void shouldRetryWhileTheDirectoryIsDownAndKeepOnePersonsCommandsInOrder() throws Exception {
        // Given the directory is down
        String person = newPerson();
        OpenLdapDirectory slapd = ExecutionTestResource.directory();
        slapd.stopServer();
        try {
            // When a joiner's account (disabled) and then its enable arrive
            send(ensureAccount(person, false), setEnabled(person, true));

            // Then nothing is reported while the directory is away, and the operator sees the command waiting
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonPath status = null;
            while (System.nanoTime() < deadline) {
                status = given().auth().oauth2(AUDITOR).get("/api/v1/executor").then().statusCode(200).extract().jsonPath();
                if (status.getList("waiting.personId").contains(person)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(status.getList("waiting.personId")).contains(person);
            assertThat(status.getInt("waiting.find { it.personId == '" + person + "' }.attempts")).isGreaterThanOrEqualTo(1);
            assertThat(eventsSoFar(e -> person.equals(e.getPersonId()))).isEmpty();
        } finally {
            slapd.startServer();
        }

        // And once it is back, both are done, in order, and the account is enabled
        List<AccessEvent> events = awaitEvents(e -> person.equals(e.getPersonId()), 2, WAIT);
        assertThat(events).extracting(AccessEvent::getAction, AccessEvent::getOutcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AccessAction.ACCOUNT_CREATED, AccessOutcome.DONE),
                org.assertj.core.groups.Tuple.tuple(AccessAction.ACCOUNT_ENABLED, AccessOutcome.DONE));
        assertThat(accounts(person)).singleElement()
                .satisfies(account -> assertThat(account.hasAttribute("pwdAccountLockedTime")).isFalse());
    }

    @Test
    void shouldDeadLetterAPermanentFailureAndReplayItOnceWhenTheCauseIsFixed() throws Exception {
        // Given a person with an account, granted a group the directory does not have (and may not create)
        String person = newPerson();
        String group = "it-approvers-" + UUID.randomUUID().toString().substring(0, 6);
        AccessCommand grant = membership(person, group);
        send(ensureAccount(person, true), grant);

        // Then the grant fails for good: a FAILED outcome with the reason, and a dead letter with the same reason
        List<AccessEvent> events = awaitEvents(e -> person.equals(e.getPersonId()), 2, WAIT);
        AccessEvent failed = events.get(1);
        assertThat(failed.getOutcome()).isEqualTo(AccessOutcome.FAILED);
        assertThat(failed.getAction()).isEqualTo(AccessAction.ENTITLEMENT_GRANTED);
        assertThat(failed.getEntitlement()).isEqualTo(group);
        assertThat(failed.getReason()).contains("no group '" + group + "'");
        ConsumerRecord<byte[], byte[]> letter = awaitDeadLetters(person, 1, WAIT).get(0);
        assertThat(header(letter, "tenure.dlq.reason")).isEqualTo(failed.getReason());
        assertThat(header(letter, "tenure.dlq.attempts")).isEqualTo("1");
        assertThat(header(letter, "tenure.dlq.source-partition")).isNotNull();
        assertThat(header(letter, "tenure.dlq.source-offset")).isNotNull();
        assertThat(header(letter, "tenure.dlq.failed-at")).isNotNull();
        String id = letter.partition() + "/" + letter.offset();

        // And the operators' list shows it, with its reason and what the command was
        JsonPath listed = awaitListed(id);
        String path = "letters.find { it.id == '" + id + "' }";
        assertThat(listed.getString(path + ".reason")).isEqualTo(failed.getReason());
        assertThat(listed.getString(path + ".command.personId")).isEqualTo(person);
        assertThat(listed.getString(path + ".command.actionId")).isEqualTo(grant.getActionId());
        assertThat(listed.getList(path + ".replays")).isEmpty();

        // When an auditor tries to replay it: refused; when the group exists and an operator replays it: done
        given().auth().oauth2(AUDITOR).contentType("application/json").body(Map.of("reason", "try"))
                .post("/api/v1/dead-letters/{p}/{o}/replay", letter.partition(), letter.offset())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OPERATOR).contentType("application/json").body(Map.of())
                .post("/api/v1/dead-letters/{p}/{o}/replay", letter.partition(), letter.offset())
                .then().statusCode(422).body("errors[0].field", equalTo("reason"));
        createGroup(group);
        given().auth().oauth2(OPERATOR).contentType("application/json")
                .body(Map.of("reason", "group " + group + " created by the directory team"))
                .post("/api/v1/dead-letters/{p}/{o}/replay", letter.partition(), letter.offset())
                .then().statusCode(200).body("replayedTo", startsWith("access-commands "))
                .body("recorded", equalTo(true)).body("letter.replays[0].by", equalTo("ops-anna"));

        // Then the same action is done this time, and the person is a member
        List<AccessEvent> after = awaitEvents(e -> person.equals(e.getPersonId()), 3, WAIT);
        assertThat(after.get(2).getActionId()).isEqualTo(grant.getActionId());
        assertThat(after.get(2).getOutcome()).isEqualTo(AccessOutcome.DONE);
        assertThat(members(group)).contains(accounts(person).get(0).getDN());

        // And the same letter is not replayed twice by accident
        given().auth().oauth2(OPERATOR).contentType("application/json").body(Map.of("reason", "again"))
                .post("/api/v1/dead-letters/{p}/{o}/replay", letter.partition(), letter.offset())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://tenure.dev/problems/already-replayed"));
        given().auth().oauth2(AUDITOR).get("/api/v1/dead-letters?replayed=true")
                .then().statusCode(200).body("letters.id", hasItem(id));
    }

    @Test
    void shouldDeadLetterARecordThatIsNoCommandAndRefuseToReplayIt() throws Exception {
        String person = newPerson();
        CommandTopics.sendRaw(person, "not an avro record".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<byte[], byte[]> letter = awaitDeadLetters(person, 1, WAIT).get(0);

        assertThat(header(letter, "tenure.dlq.reason")).startsWith("unreadable record: ");
        assertThat(header(letter, "tenure.dlq.attempts")).isEqualTo("0");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not an avro record");
        awaitListed(letter.partition() + "/" + letter.offset());
        given().auth().oauth2(OPERATOR).contentType("application/json").body(Map.of("reason", "retry"))
                .post("/api/v1/dead-letters/{p}/{o}/replay", letter.partition(), letter.offset())
                .then().statusCode(422).body("type", equalTo("https://tenure.dev/problems/unreadable-letter"));
    }

    @Test
    void shouldStopBeforeTheDisableThatCrossesTheThresholdUntilAnOperatorReleasesTheBrake() throws Exception {
        int n = ExecutionTestResource.BRAKE_THRESHOLD;
        given().auth().oauth2(AUDITOR).get("/api/v1/brake").then().statusCode(200)
                .body("state", equalTo("RELEASED")).body("threshold", equalTo(n));
        assertThat(given().auth().oauth2(AUDITOR).get("/api/v1/brake").jsonPath().getMap("counts"))
                .as("no disables before this test").isEmpty();

        // Given N+1 people with enabled accounts
        List<String> people = IntStream.rangeClosed(0, n).mapToObj(i -> newPerson()).toList();
        send(people.stream().map(p -> ensureAccount(p, true)).toArray(AccessCommand[]::new));
        awaitEvents(e -> people.contains(e.getPersonId()), n + 1, WAIT);

        // When all N+1 are disabled at once (one bad HR file)
        send(people.stream().map(p -> setEnabled(p, false)).toArray(AccessCommand[]::new));

        // Then N are disabled, and the brake holds the (N+1)th
        List<AccessEvent> disabled = awaitEvents(e -> people.contains(e.getPersonId())
                && e.getAction() == AccessAction.ACCOUNT_DISABLED, n, WAIT);
        assertThat(disabled).extracting(AccessEvent::getOutcome).containsOnly(AccessOutcome.DONE);
        JsonPath brake = awaitBrake("ENGAGED");
        String held = brake.getString("held.personId");
        assertThat(people).contains(held);
        assertThat(disabled).extracting(AccessEvent::getPersonId).doesNotContain(held);
        assertThat(brake.getString("engagedTarget")).isEqualTo("directory");
        assertThat(brake.getString("reason")).contains((n + 1) + " ").contains("target directory");
        Thread.sleep(2000);
        assertThat(eventsSoFar(e -> held.equals(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_DISABLED))
                .as("nothing runs while the brake holds").isEmpty();
        assertThat(accounts(held).get(0).hasAttribute("pwdAccountLockedTime")).isFalse();
        given().auth().oauth2(AUDITOR).get("/q/health/live").then().statusCode(200);

        // When an auditor, or an operator without a reason, tries to release it: refused
        given().auth().oauth2(AUDITOR).contentType("application/json").body(Map.of("reason", "ok"))
                .post("/api/v1/brake/release").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType("application/json").body(Map.of("reason", " "))
                .post("/api/v1/brake/release").then().statusCode(422).body("errors[0].field", equalTo("reason"));

        // When an operator releases it with a reason
        given().auth().oauth2(OPERATOR).contentType("application/json")
                .body(Map.of("reason", "HR confirmed the office closure"))
                .post("/api/v1/brake/release").then().statusCode(200).body("state", equalTo("RELEASED"))
                .body("lastRelease.by", equalTo("ops-anna"))
                .body("lastRelease.reason", equalTo("HR confirmed the office closure"));

        // Then the held disable is carried out too: nothing was dropped
        List<AccessEvent> all = awaitEvents(e -> people.contains(e.getPersonId())
                && e.getAction() == AccessAction.ACCOUNT_DISABLED, n + 1, WAIT);
        assertThat(all.stream().map(AccessEvent::getPersonId).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(people));
        assertThat(accounts(held).get(0).getAttributeValue("pwdAccountLockedTime")).isNotNull();
        given().auth().oauth2(OPERATOR).contentType("application/json").body(Map.of("reason", "again"))
                .post("/api/v1/brake/release").then().statusCode(409);
    }

    @Test
    void shouldRefuseCallersWithoutATokenOrATenureOperatorRole() {
        given().get("/api/v1/brake").then().statusCode(401);
        given().get("/api/v1/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.sign("helpdesk-1", "helpdesk", null)).get("/api/v1/dead-letters")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://tenure.dev/problems/forbidden"));
        given().auth().oauth2(TestTokens.sign("helpdesk-1", "helpdesk", null)).get("/api/v1/brake")
                .then().statusCode(403);
    }

    @Test
    void shouldBeLiveWithTheExecutorRunning() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'access-service executor' }.status", equalTo("UP"));
    }

    // ---- helpers

    private static String newPerson() {
        return "X" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonPath awaitListed(String id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath listed = null;
        while (System.nanoTime() < deadline) {
            var response = given().auth().oauth2(AUDITOR).get("/api/v1/dead-letters");
            if (response.statusCode() == 200) {
                listed = response.jsonPath();
                if (listed.getList("letters.id").contains(id)) {
                    return listed;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("dead letter " + id + " not listed within " + WAIT + ": " + (listed == null ? "503"
                : listed.prettify()));
    }

    private static JsonPath awaitBrake(String state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath brake = given().auth().oauth2(AUDITOR).get("/api/v1/brake").then().statusCode(200).extract()
                    .jsonPath();
            if (state.equals(brake.getString("state"))) {
                return brake;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the brake did not become " + state);
    }

    private static LDAPConnection admin() throws LDAPException {
        OpenLdapDirectory slapd = ExecutionTestResource.directory();
        LDAPURL url = new LDAPURL(slapd.url());
        LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort());
        connection.bind(slapd.adminDn(), slapd.adminPassword());
        return connection;
    }

    private static List<SearchResultEntry> accounts(String person) throws LDAPException {
        try (LDAPConnection ldap = admin()) {
            return new ArrayList<>(ldap.search(ExecutionTestResource.directory().peopleDn(), SearchScope.SUB,
                    "(employeeNumber=" + person + ")", "*", "+").getSearchEntries());
        }
    }

    private static void createGroup(String cn) throws LDAPException {
        OpenLdapDirectory slapd = ExecutionTestResource.directory();
        try (LDAPConnection ldap = admin()) {
            ldap.add(new Entry("cn=" + cn + "," + slapd.groupsDn(), new com.unboundid.ldap.sdk.Attribute("objectClass",
                    "top", "groupOfNames"), new com.unboundid.ldap.sdk.Attribute("cn", cn),
                    new com.unboundid.ldap.sdk.Attribute("member", slapd.emptyGroupMember())));
        }
    }

    private static List<String> members(String cn) throws LDAPException {
        try (LDAPConnection ldap = admin()) {
            Entry group = ldap.getEntry("cn=" + cn + "," + ExecutionTestResource.directory().groupsDn(), "member");
            return group == null ? List.of() : List.of(group.getAttributeValues("member"));
        }
    }
}
