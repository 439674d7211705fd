package dev.tenure.access.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.connector.TokenSource;
import dev.tenure.testkit.ScimServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lifecycle every SCIM application must pass with the connector, against a real SCIM server started by the test
 * kit. The connector talks through {@link ScimProxy}, which records its requests (so "by PATCH only" is checked on the
 * wire) and can answer 429; what it wrote is read back with plain SCIM requests of the test's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScimConnectorContract {

    static final String APP = "example-app";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private ScimServer server;
    private ScimProxy proxy;
    private ScimConnector connector;
    private final HttpClient admin = HttpClient.newHttpClient();

    abstract ScimServer.Kind kind();

    @BeforeAll
    void start() throws Exception {
        long begun = System.nanoTime();
        server = ScimServer.start(kind());
        System.out.printf("%s: %s ready in %d ms%n", getClass().getSimpleName(), kind(),
                (System.nanoTime() - begun) / 1_000_000);
        URI base = URI.create(server.baseUrl());
        proxy = new ScimProxy(base.getScheme() + "://" + base.getAuthority());
        connector = newConnector(proxy.origin() + base.getPath(), server.token());
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void forgetRequests() {
        proxy.clear();
    }

    private static ScimConnector newConnector(String baseUrl, String token) {
        return new ScimConnector(ScimSettings.of(APP, baseUrl, TokenSource.bearer(token), "example.test")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @Test
    void shouldReadTheServiceProviderConfigAsItsHealthCheck() throws Exception {
        assertThat(connector.test().up()).as(connector.test().detail()).isTrue();
        assertThat(connector.serviceProvider().patch()).isTrue();
        assertThat(connector.serviceProvider().filter()).isTrue();
        assertThat(newConnector(server.baseUrl(), "wrong-token").test().up()).isFalse();
    }

    @Test
    void shouldCreateTheUserOnceWhateverTheReplays() throws Exception {
        AccountProfile person = person("Grace", "Hopper", "Finance");

        ChangeResult created = connector.apply(new EnsureAccount(person, false));
        ChangeResult replayed = connector.apply(new EnsureAccount(person, false));
        ChangeResult byAnotherInstance = newConnector(server.baseUrl(), server.token())
                .apply(new EnsureAccount(person, false));

        assertThat(created.changed()).as(created.detail()).isTrue();
        assertThat(replayed.changed()).as(replayed.detail()).isFalse();
        assertThat(byAnotherInstance.changed()).as(byAnotherInstance.detail()).isFalse();
        JsonNode user = user(person.personId()).orElseThrow();
        assertThat(user.path("userName").asText()).isEqualTo(userName(person));
        assertThat(user.path("active").asBoolean()).isFalse();
        assertThat(user.path("name").path("familyName").asText()).isEqualTo(person.familyName());
        assertThat(user.path(ScimConnector.ENTERPRISE).path("department").asText()).isEqualTo("Finance");
        assertThat(user.path(ScimConnector.ENTERPRISE).path("employeeNumber").asText()).isEqualTo(person.personId());
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }

    @Test
    void shouldUpdateOnlyWhatChangedOnAMove() throws Exception {
        AccountProfile person = person("Katherine", "Johnson", "Finance");
        connector.apply(new EnsureAccount(person, true));
        AccountProfile moved = new AccountProfile(person.personId(), person.givenName(), person.familyName(),
                Optional.empty(), person.agency(), "Legal", "Counsel", Optional.empty());

        ChangeResult updated = connector.apply(new EnsureAccount(moved, true));

        assertThat(updated.changed()).as(updated.detail()).isTrue();
        JsonNode user = user(person.personId()).orElseThrow();
        assertThat(user.path(ScimConnector.ENTERPRISE).path("department").asText()).isEqualTo("Legal");
        assertThat(user.path("title").asText()).isEqualTo("Counsel");
        assertThat(user.path("active").asBoolean()).isTrue();
        assertThat(connector.apply(new EnsureAccount(moved, true)).changed()).isFalse();
        assertThat(proxy.requests()).noneMatch(r -> r.method().equals("PUT"));
    }

    @Test
    void shouldChangeGroupMembershipByPatchOnlyLeavingOtherMembersAlone() throws Exception {
        String finance = "App Finance " + PEOPLE.incrementAndGet();
        String legal = "App Legal " + PEOPLE.incrementAndGet();
        AccountProfile outsider = person("Hedy", "Lamarr", "Finance");
        connector.apply(new EnsureAccount(outsider, true));
        connector.apply(new EnsureMembership(outsider.personId(), finance, GroupKind.SECURITY)); // creates the group
        AccountProfile person = person("Ada", "Lovelace", "Finance");
        connector.apply(new EnsureAccount(person, false));
        proxy.clear();

        ChangeResult joined = connector.apply(new EnsureMembership(person.personId(), finance, GroupKind.SECURITY));
        ChangeResult joinedAgain = connector.apply(new EnsureMembership(person.personId(), finance,
                GroupKind.SECURITY));
        assertThat(joined.changed()).as(joined.detail()).isTrue();
        assertThat(joinedAgain.changed()).as(joinedAgain.detail()).isFalse();
        assertThat(members(finance)).containsExactlyInAnyOrder(id(outsider), id(person));

        // the mover: Finance out, Legal in
        ChangeResult left = connector.apply(new RemoveMembership(person.personId(), finance));
        ChangeResult leftAgain = connector.apply(new RemoveMembership(person.personId(), finance));
        connector.apply(new EnsureMembership(person.personId(), legal, GroupKind.SECURITY));

        assertThat(left.changed()).as(left.detail()).isTrue();
        assertThat(leftAgain.changed()).as(leftAgain.detail()).isFalse();
        assertThat(members(finance)).containsExactly(id(outsider));
        assertThat(members(legal)).containsExactly(id(person));
        assertThat(proxy.requests()).filteredOn(r -> r.path().contains("/Groups/"))
                .allSatisfy(r -> assertThat(r.method()).isIn("GET", "PATCH"));
        // join Finance, leave Finance, join Legal (created empty first, by POST /Groups)
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("PATCH")).hasSize(3);
    }

    @Test
    void shouldDisableAtTheCutOffThenDeleteAndAnswerAlreadySoAfterwards() throws Exception {
        String group = "App Staff " + PEOPLE.incrementAndGet();
        AccountProfile person = person("Carol", "Shaw", "Finance");
        connector.apply(new EnsureAccount(person, false));
        assertThat(connector.apply(new SetAccountEnabled(person.personId(), true)).changed()).isTrue();
        connector.apply(new EnsureMembership(person.personId(), group, GroupKind.SECURITY));

        ChangeResult disabled = connector.apply(new SetAccountEnabled(person.personId(), false));
        assertThat(disabled.changed()).as(disabled.detail()).isTrue();
        assertThat(user(person.personId()).orElseThrow().path("active").asBoolean()).isFalse();
        assertThat(connector.apply(new SetAccountEnabled(person.personId(), false)).changed()).isFalse();

        connector.apply(new RemoveMembership(person.personId(), group));
        ChangeResult deleted = connector.apply(new DeleteAccount(person.personId()));
        ChangeResult deletedAgain = connector.apply(new DeleteAccount(person.personId()));

        assertThat(deleted.changed()).as(deleted.detail()).isTrue();
        assertThat(deletedAgain.changed()).as(deletedAgain.detail()).isFalse();
        assertThat(user(person.personId())).isEmpty();
        assertThat(connector.apply(new RemoveMembership(person.personId(), group)).changed()).isFalse();
        assertThat(connector.apply(new SetAccountEnabled(person.personId(), false)).changed()).isFalse();
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("DELETE")).hasSize(1);
    }

    @Test
    void shouldFindTheUserAnEarlierAttemptCreatedWhenItsAnswerWasLost() throws Exception {
        AccountProfile person = person("Radia", "Perlman", "Finance");
        proxy.loseNextAnswerTo("POST");

        assertThatThrownBy(() -> connector.apply(new EnsureAccount(person, false)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isTrue());
        ChangeResult retried = connector.apply(new EnsureAccount(person, false));

        assertThat(retried.changed()).as(retried.detail()).isFalse();
        assertThat(proxy.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
        assertThat(user(person.personId())).isPresent();
    }

    @Test
    void shouldTakeTheNextUserNameWhenAnotherPersonHoldsIt() throws Exception {
        AccountProfile first = person("Alan", "Kay", "Finance");
        AccountProfile namesake = person("Alan", "Kay", "Legal");
        connector.apply(new EnsureAccount(first, true));

        ChangeResult created = connector.apply(new EnsureAccount(namesake, true));

        assertThat(created.changed()).isTrue();
        assertThat(user(namesake.personId()).orElseThrow().path("userName").asText())
                .isEqualTo(userName(namesake).replace("@", "2@"));
        assertThat(connector.apply(new EnsureAccount(namesake, true)).changed()).isFalse();
    }

    @Test
    void shouldHonourRetryAfterWhenRateLimited() throws Exception {
        AccountProfile person = person("Barbara", "Liskov", "Finance");
        proxy.rateLimitNext(1, 2);

        assertThatThrownBy(() -> connector.apply(new EnsureAccount(person, false)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                    assertThat(e.getMessage()).contains("429");
                });
        assertThat(user(person.personId())).isEmpty();
        assertThat(connector.apply(new EnsureAccount(person, false)).changed()).isTrue();
    }

    @Test
    void shouldFailPermanentlyWithTheApplicationsReasonAndRetryablyWhenUnreachable() {
        assertThatThrownBy(() -> connector.apply(new SetAccountEnabled("NOBODY-" + PEOPLE.incrementAndGet(), true)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
        assertThatThrownBy(() -> newConnector(server.baseUrl(), "wrong-token")
                .apply(new SetAccountEnabled("P-1", false)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("401");
                });
        assertThatThrownBy(() -> newConnector("http://127.0.0.1:9/scim/v2", server.token())
                .apply(new SetAccountEnabled("P-1", false)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isTrue());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static AccountProfile person(String given, String family, String department) {
        return new AccountProfile("P-" + System.nanoTime() % 1_000_000_000L + "-" + PEOPLE.incrementAndGet(), given,
                family, Optional.empty(), "DOR", department, "Analyst", Optional.empty());
    }

    private static String userName(AccountProfile person) {
        return (person.givenName() + "." + person.familyName()).toLowerCase() + "@example.test";
    }

    private String id(AccountProfile person) throws Exception {
        return user(person.personId()).orElseThrow().path("id").asText();
    }

    private Optional<JsonNode> user(String personId) throws Exception {
        JsonNode list = get("/Users?filter=" + encode("externalId eq \"" + personId + "\""));
        return list.path("totalResults").asInt() == 0 ? Optional.empty() : Optional.of(list.path("Resources").get(0));
    }

    private List<String> members(String group) throws Exception {
        JsonNode list = get("/Groups?filter=" + encode("displayName eq \"" + group + "\""));
        JsonNode found = get("/Groups/" + list.path("Resources").get(0).path("id").asText());
        List<String> ids = new ArrayList<>();
        found.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = admin.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + server.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
