package dev.tenure.access.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.support.KeycloakEnrolment;
import dev.tenure.peers.KeycloakServer;
import dev.tenure.testkit.Keycloak;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * The identity-provider connector against a real Keycloak 26 (started once per test run by the test kit), in a realm
 * of its own: accounts made so and kept so, and the acceptance — a person signed in with a password and a
 * one-time password, cut off: the OTP credential gone, no sessions, the old refresh token rejected, the account
 * disabled at the next sign-in. What the connector did is read back with the admin API, as the bootstrap admin
 * ({@link KeycloakEnrolment}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakConnectorIT {

    private static final String IDP = "idp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private KeycloakServer keycloak;
    private KeycloakServer.Realm realm;
    private KeycloakConnector connector;
    private KeycloakEnrolment idp;

    @BeforeAll
    void start() {
        long begun = System.nanoTime();
        keycloak = Keycloak.shared();
        System.out.printf("KeycloakConnectorIT: Keycloak %s ready in %d ms (started in %d ms)%n", keycloak.version(),
                (System.nanoTime() - begun) / 1_000_000, keycloak.startedIn().toMillis());
        realm = keycloak.createRealm("tenure-it-" + ProcessHandle.current().pid());
        connector = newConnector(realm.clientSecret());
        idp = new KeycloakEnrolment(keycloak, realm.name());
    }

    private KeycloakConnector newConnector(String secret) {
        return new KeycloakConnector(new KeycloakSettings(IDP, URI.create(keycloak.baseUrl()), realm.name(),
                realm.clientId(), secret, "example.test", Duration.ofSeconds(2), Duration.ofSeconds(10)),
                Clock.systemUTC());
    }

    @Test
    void shouldSignInWithClientCredentialsAndReadTheRealmAsItsHealthCheck() {
        assertThat(connector.test().up()).as(connector.test().detail()).isTrue();
        assertThat(connector.test().detail()).contains(realm.name());
        assertThat(newConnector("wrong-secret").test().up()).isFalse();
    }

    @Test
    void shouldCreateTheUserOnceEnableItAndAnswerAlreadySoOnRepeats() throws Exception {
        // Given a joiner
        AccountProfile person = person("Grace", "Hopper", "Finance");

        // When the account is prepared (twice, and by another instance), then enabled (twice)
        ChangeResult created = connector.apply(new EnsureAccount(person, false));
        ChangeResult replayed = connector.apply(new EnsureAccount(person, false));
        ChangeResult byAnotherInstance = newConnector(realm.clientSecret()).apply(new EnsureAccount(person, false));
        JsonNode prepared = user(person.personId()).orElseThrow();
        ChangeResult enabled = connector.apply(new SetAccountEnabled(person.personId(), true));
        ChangeResult enabledAgain = connector.apply(new SetAccountEnabled(person.personId(), true));

        // Then one user, made disabled with the profile and MFA to set up, enabled once
        assertThat(created.changed()).as(created.detail()).isTrue();
        assertThat(replayed.changed()).as(replayed.detail()).isFalse();
        assertThat(byAnotherInstance.changed()).as(byAnotherInstance.detail()).isFalse();
        assertThat(prepared.path("username").asText()).isEqualTo(username(person));
        assertThat(prepared.path("email").asText()).isEqualTo(username(person));
        assertThat(prepared.path("firstName").asText()).isEqualTo("Grace");
        assertThat(prepared.path("lastName").asText()).isEqualTo("Hopper");
        assertThat(prepared.path("enabled").asBoolean()).isFalse();
        assertThat(prepared.path("attributes").path("department").get(0).asText()).isEqualTo("Finance");
        assertThat(texts(prepared.path("requiredActions"))).containsExactly("CONFIGURE_TOTP");
        assertThat(enabled.changed()).as(enabled.detail()).isTrue();
        assertThat(enabledAgain.changed()).as(enabledAgain.detail()).isFalse();
        assertThat(user(person.personId()).orElseThrow().path("enabled").asBoolean()).isTrue();

        // And a mover's new department changes only that, once
        AccountProfile moved = new AccountProfile(person.personId(), "Grace", "Hopper", Optional.empty(), "DOR",
                "Legal", "Counsel", Optional.empty());
        ChangeResult updated = connector.apply(new EnsureAccount(moved, true));
        assertThat(updated.changed()).as(updated.detail()).isTrue();
        assertThat(updated.detail()).contains("department", "jobTitle").doesNotContain("firstName", "enabled");
        assertThat(connector.apply(new EnsureAccount(moved, true)).changed()).isFalse();

        // And deleted once
        assertThat(connector.apply(new DeleteAccount(person.personId())).changed()).isTrue();
        assertThat(connector.apply(new DeleteAccount(person.personId())).changed()).isFalse();
        assertThat(user(person.personId())).isEmpty();
    }

    @Test
    void shouldGiveTheNextFreeUsernameWhenAnotherPersonHoldsIt() throws Exception {
        AccountProfile first = person("Ada", "Lovelace", "Audit");
        AccountProfile namesake = new AccountProfile(first.personId() + "-other", "Ada", "Lovelace", Optional.empty(),
                "DOR", "Audit", "Auditor", Optional.empty());

        connector.apply(new EnsureAccount(first, true));
        ChangeResult second = connector.apply(new EnsureAccount(namesake, true));

        assertThat(second.changed()).as(second.detail()).isTrue();
        assertThat(user(namesake.personId()).orElseThrow().path("username").asText())
                .isEqualTo("ada.lovelace2@example.test");
    }

    @Test
    void shouldFindNothingToCutForAPersonWithoutAnAccount() throws Exception {
        String nobody = "P-IT-nobody-" + PEOPLE.incrementAndGet();

        for (AccessCommand command : List.of(new SetAccountEnabled(nobody, false), new RevokeMfa(nobody),
                new EndSessions(nobody), new DeleteAccount(nobody))) {
            ChangeResult result = connector.apply(command);
            assertThat(result.changed()).as("%s: %s", command, result.detail()).isFalse();
        }
        assertThatThrownBy(() -> connector.apply(new SetAccountEnabled(nobody, true)))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).retryable()).isFalse());
    }

    /**
     * The acceptance: a user with a password and an OTP credential signs in (password grant with a TOTP code) and
     * holds a session; the leaver's cut-off commands, as the planner orders them, leave no OTP credential, no session,
     * a refresh token that no longer works, and an account that says it is disabled.
     */
    @Test
    void shouldCutMfaAndSessionsAtTheLeaversCutOff() throws Exception {
        // Given a person with a password and a TOTP credential in Keycloak, as enrolment would leave them
        AccountProfile person = person("Carol", "Danvers", "Legal");
        String username = username(person);
        String password = "Tenure-" + person.personId() + "-pw";
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username);
        user.put("email", username);
        user.put("firstName", person.givenName());
        user.put("lastName", person.familyName());
        user.put("enabled", true);
        user.putObject("attributes").putArray(KeycloakConnector.PERSON_ID).add(person.personId());
        idp.importWithPasswordAndOtp(user, password);
        String userId = user(person.personId()).orElseThrow().path("id").asText();
        assertThat(idp.credentialTypes(userId)).contains("password", "otp");
        // ... who signs in with the password and a one-time password, and holds a session
        KeycloakServer.Answer signIn = idp.signIn(username, password);
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        String refreshToken = JSON.readTree(signIn.body()).path("refresh_token").asText();
        assertThat(idp.sessions(userId)).isEqualTo(1);
        assertThat(idp.refresh(refreshToken).status()).isEqualTo(200); // the refresh token works before the cut

        // When the cut-off's commands run: the disable, then MFA, then sessions
        List<ChangeResult> cut = new ArrayList<>();
        for (AccessCommand command : cutOff(person.personId())) {
            cut.add(connector.apply(command));
        }

        // Then each changed something, and Keycloak shows the cut
        assertThat(cut).allSatisfy(r -> assertThat(r.changed()).as(r.detail()).isTrue());
        assertThat(cut.get(1).detail()).contains("otp");
        assertThat(idp.credentialTypes(userId)).doesNotContain("otp").contains("password");
        assertThat(idp.sessions(userId)).isZero();
        KeycloakServer.Answer refreshed = idp.refresh(refreshToken);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(400);
        assertThat(JSON.readTree(refreshed.body()).path("error").asText()).isEqualTo("invalid_grant");
        KeycloakServer.Answer again = idp.signIn(username, password);
        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).path("error_description").asText()).containsIgnoringCase("disabled");

        // And the same commands again (a replay) change nothing
        for (AccessCommand command : cutOff(person.personId())) {
            ChangeResult repeated = connector.apply(command);
            assertThat(repeated.changed()).as("%s: %s", command, repeated.detail()).isFalse();
        }
    }

    @Test
    void shouldRefuseGroupCommandsAndUnknownRealmsPermanently() {
        String id = "P-IT-" + PEOPLE.incrementAndGet();
        assertThatThrownBy(() -> connector.apply(new EnsureMembership(id, "Finance Users", GroupKind.SECURITY)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not supported by the identity provider idp")
                .satisfies(e -> assertThat(((ConnectorException) e).retryable()).isFalse());

        KeycloakConnector noRealm = new KeycloakConnector(new KeycloakSettings(IDP, URI.create(keycloak.baseUrl()),
                "no-such-realm", realm.clientId(), realm.clientSecret(), "example.test", Duration.ofSeconds(2),
                Duration.ofSeconds(10)), Clock.systemUTC());
        assertThat(noRealm.test().up()).isFalse();
        assertThatThrownBy(() -> noRealm.apply(new RevokeMfa(id)))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).retryable()).as(e.getMessage()).isFalse());
    }

    @Test
    void shouldFailPermanentlyWhenTheClientLacksTheUserRoles() {
        // Given a client of the realm whose service account holds no realm-management role
        String body = "{\"clientId\":\"no-roles\",\"secret\":\"no-roles-secret\",\"publicClient\":false,"
                + "\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false}";
        assertThat(keycloak.admin("POST", "/" + realm.name() + "/clients", body).status()).isEqualTo(201);
        KeycloakConnector unprivileged = new KeycloakConnector(new KeycloakSettings(IDP,
                URI.create(keycloak.baseUrl()), realm.name(), "no-roles", "no-roles-secret", "example.test",
                Duration.ofSeconds(2), Duration.ofSeconds(10)), Clock.systemUTC());

        // Then its commands fail permanently, naming the roles it needs
        assertThatThrownBy(() -> unprivileged.apply(new RevokeMfa("P-IT-x")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("view-users")
                .satisfies(e -> assertThat(((ConnectorException) e).retryable()).isFalse());
    }

    @Test
    void shouldHonourRetryAfterWhenAGatewaySaysKeycloakIsBusy() throws Exception {
        // Given a gateway in front of Keycloak that lets sign-ins through and answers admin requests 429
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HttpClient forward = HttpClient.newHttpClient();
        gateway.createContext("/", exchange -> {
            try {
                if (exchange.getRequestURI().getPath().startsWith("/admin/")) {
                    exchange.getResponseHeaders().add("Retry-After", "7");
                    exchange.sendResponseHeaders(429, -1);
                    return;
                }
                HttpResponse<byte[]> answer = forward.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                                + exchange.getRequestURI())).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        gateway.start();
        try {
            KeycloakConnector throttled = new KeycloakConnector(new KeycloakSettings(IDP,
                    URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()), realm.name(), realm.clientId(),
                    realm.clientSecret(), "example.test", Duration.ofSeconds(2), Duration.ofSeconds(10)),
                    Clock.systemUTC());

            // Then the command is retryable, not before the seven seconds the gateway asked for
            assertThatThrownBy(() -> throttled.apply(new EndSessions("P-IT-x")))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                        assertThat(e.getMessage()).contains("429");
                    });
        } finally {
            gateway.stop(0);
        }
    }

    @Test
    void shouldFailRetryablyWhenKeycloakIsUnreachable() {
        KeycloakConnector unreachable = new KeycloakConnector(KeycloakSettings.of(IDP, "http://127.0.0.1:1",
                realm.name(), realm.clientId(), realm.clientSecret()).withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(2)), Clock.systemUTC());

        assertThatThrownBy(() -> unreachable.apply(new RevokeMfa("P-IT-x")))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).retryable()).as(e.getMessage()).isTrue());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<AccessCommand> cutOff(String personId) {
        return List.of(new SetAccountEnabled(personId, false), new RevokeMfa(personId), new EndSessions(personId));
    }

    private Optional<JsonNode> user(String personId) {
        return idp.user(personId);
    }

    private static List<String> texts(JsonNode array) {
        return KeycloakEnrolment.texts(array);
    }

    private static AccountProfile person(String given, String family, String department) {
        return new AccountProfile("P-IT-" + ProcessHandle.current().pid() + "-" + PEOPLE.incrementAndGet(), given,
                family, Optional.empty(), "DOR", department, "Analyst", Optional.empty());
    }

    private static String username(AccountProfile person) {
        return person.givenName().toLowerCase() + "." + person.familyName().toLowerCase() + "@example.test";
    }
}
