package dev.tenure.access.idp;

import static dev.tenure.access.connector.HttpExchange.encoded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.ConnectorHealth;
import dev.tenure.access.connector.HttpAccountConnector;
import dev.tenure.access.connector.HttpExchange;
import dev.tenure.access.connector.HttpExchange.Answer;
import dev.tenure.access.connector.IdentityProviderConnector;
import dev.tenure.access.connector.TokenSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider: one Keycloak realm, through its admin REST API, as "make it so" commands. A person's user is
 * found by the attribute {@value #PERSON_ID} = the person id (never by name), so a replayed create finds the user the
 * first one made; its {@code username} and {@code email} are the work address the SCIM connector also gives
 * ({@code given.family@mail-domain}, then {@code given.family2@...} when another user holds it). A new user must set
 * up a one-time password at the first sign-in (required action {@code CONFIGURE_TOTP}), as must any user that has no
 * MFA credential when its account is ensured (a rehire enrols again). At a leaver's cut-off the planner sends, after
 * the disable, {@link RevokeMfa} (every OTP and WebAuthn credential deleted) and {@link EndSessions} (every session
 * logged out, which also makes Keycloak reject the refresh tokens issued before; offline tokens are revoked with their
 * client's consent). A user that is not there has nothing to cut.
 *
 * <p>The realm must let an administrator keep the {@value #PERSON_ID} attribute: declare it in the realm's user
 * profile, or set its unmanaged attribute policy to "admin can edit" ({@code ADMIN_EDIT}).
 */
public final class KeycloakConnector extends HttpAccountConnector implements IdentityProviderConnector {

    /** The user attribute holding the person id. */
    public static final String PERSON_ID = "tenurePersonId";
    /** The credential types that are a second factor. */
    static final Set<String> MFA_CREDENTIALS = Set.of("otp", "webauthn", "webauthn-passwordless");
    static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final KeycloakSettings settings;

    public KeycloakConnector(KeycloakSettings settings, Clock clock) {
        super("the identity provider " + settings.targetSystem(), settings.mailDomain(), "username",
                new HttpExchange(settings.targetSystem(), settings.adminUrl(), settings.connectTimeout(),
                        settings.requestTimeout(), TokenSource.clientCredentials(settings.tokenUrl(),
                        settings.clientId(), settings.clientSecret(), Optional.empty(), clock),
                        new KeycloakDialect(settings), clock));
        this.settings = settings;
    }

    /** A token by the client credentials, then the realm itself read with it. */
    @Override
    protected ConnectorHealth health() throws ConnectorException {
        Answer realm = http.get("");
        if (!realm.ok()) {
            return ConnectorHealth.down(settings.adminUrl() + ": " + http.refused("GET realm", realm).getMessage());
        }
        return ConnectorHealth.up("Keycloak realm " + realm.body().path("realm").asText(settings.realm()) + " at "
                + settings.baseUrl() + " (" + http + ")");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Accounts

    @Override
    protected Answer create(AccountProfile profile, String username, boolean enabled) throws ConnectorException {
        return http.send("POST", "/users", newUser(profile, username, enabled));
    }

    /** Keycloak answers a create without the user: its id is read back. */
    @Override
    protected ChangeResult created(AccountProfile profile, String username, boolean enabled, Answer answer)
            throws ConnectorException {
        Optional<JsonNode> made = findUser(profile.personId());
        return ChangeResult.changed("created " + username + made.map(u -> " (" + u.path("id").asText() + ")")
                .orElse("") + (enabled ? "" : ", disabled") + ", MFA to set up at the first sign-in");
    }

    /**
     * Brings the user's names, attributes and {@code enabled} to the profile's, changing only what differs; a user
     * without a second factor is asked again to set one up.
     */
    @Override
    protected ChangeResult update(JsonNode user, AccountProfile profile, boolean enabled) throws ConnectorException {
        String id = user.path("id").asText();
        String detail = describe(user);
        ObjectNode desired = (ObjectNode) user.deepCopy();
        List<String> changed = new ArrayList<>();
        setIfDifferent(desired, "firstName", profile.givenName(), changed);
        setIfDifferent(desired, "lastName", profile.familyName(), changed);
        ObjectNode attributes = desired.has("attributes") && desired.get("attributes").isObject()
                ? (ObjectNode) desired.get("attributes") : desired.putObject("attributes");
        for (String[] attribute : attributes(profile)) {
            JsonNode current = attributes.path(attribute[0]);
            if (!(current.isArray() && current.size() == 1 && attribute[1].equals(current.get(0).asText()))) {
                attributes.putArray(attribute[0]).add(attribute[1]);
                changed.add(attribute[0]);
            }
        }
        if (isEnabled(user) != enabled) {
            desired.put("enabled", enabled);
            changed.add("enabled");
        }
        if (mfaCredentials(id).isEmpty() && !has(user.path("requiredActions"), CONFIGURE_TOTP)) {
            ArrayNode actions = desired.putArray("requiredActions");
            user.path("requiredActions").forEach(actions::add);
            actions.add(CONFIGURE_TOTP);
            changed.add("required action " + CONFIGURE_TOTP);
        }
        if (changed.isEmpty()) {
            return ChangeResult.alreadySo(detail);
        }
        Answer answer = http.send("PUT", "/users/" + encoded(id), desired);
        if (answer.status() == 404) {
            throw ConnectorException.retryable(settings.targetSystem() + ": user " + id + " was deleted meanwhile; "
                    + "it is looked up again on the next attempt", null);
        }
        if (!answer.ok()) {
            throw http.refused("updating user " + id, answer);
        }
        return ChangeResult.changed("updated " + detail + ": " + String.join(", ", changed));
    }

    @Override
    protected boolean isEnabled(JsonNode user) {
        return user.path("enabled").asBoolean(false);
    }

    @Override
    protected ChangeResult changeEnabled(JsonNode user, boolean enabled) throws ConnectorException {
        String id = user.path("id").asText();
        String detail = describe(user);
        ObjectNode change = NODES.objectNode();
        change.put("enabled", enabled);
        Answer answer = http.send("PUT", "/users/" + encoded(id), change);
        if (answer.status() == 404 && !enabled) {
            return ChangeResult.alreadySo("already deleted " + detail);
        }
        if (!answer.ok()) {
            throw http.refused((enabled ? "enabling " : "disabling ") + detail, answer);
        }
        return ChangeResult.changed((enabled ? "enabled " : "disabled ") + detail);
    }

    @Override
    protected Answer delete(JsonNode user) throws ConnectorException {
        return http.send("DELETE", "/users/" + encoded(user.path("id").asText()), null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // MFA and sessions

    @Override
    public ChangeResult revokeMfa(String personId) throws ConnectorException {
        Optional<JsonNode> user = findUser(personId);
        if (user.isEmpty()) {
            return ChangeResult.alreadySo("no account for " + personId + ": no MFA credentials");
        }
        String id = user.get().path("id").asText();
        String detail = describe(user.get());
        List<JsonNode> credentials = mfaCredentials(id);
        if (credentials.isEmpty()) {
            return ChangeResult.alreadySo(detail + " has no MFA credentials");
        }
        List<String> removed = new ArrayList<>();
        for (JsonNode credential : credentials) {
            String credentialId = credential.path("id").asText();
            Answer deleted = http.send("DELETE", "/users/" + encoded(id) + "/credentials/" + encoded(credentialId),
                    null);
            if (!deleted.ok() && deleted.status() != 404) { // 404: removed meanwhile, as wanted
                throw http.refused("deleting credential " + credentialId + " of " + detail, deleted);
            }
            removed.add(credential.path("type").asText());
        }
        return ChangeResult.changed("removed " + removed.size() + " MFA credential" + (removed.size() == 1 ? "" : "s")
                + " (" + String.join(", ", removed) + ") of " + detail);
    }

    @Override
    public ChangeResult endSessions(String personId) throws ConnectorException {
        Optional<JsonNode> user = findUser(personId);
        if (user.isEmpty()) {
            return ChangeResult.alreadySo("no account for " + personId + ": no sessions");
        }
        String id = user.get().path("id").asText();
        String detail = describe(user.get());
        List<String> ended = new ArrayList<>();
        Answer sessions = http.get("/users/" + encoded(id) + "/sessions");
        if (!sessions.ok()) {
            throw http.refused("reading the sessions of " + detail, sessions);
        }
        if (sessions.body().size() > 0) {
            Answer logout = http.send("POST", "/users/" + encoded(id) + "/logout", null);
            if (!logout.ok()) {
                throw http.refused("logging out " + detail, logout);
            }
            ended.add(sessions.body().size() + " session" + (sessions.body().size() == 1 ? "" : "s"));
        }
        // Offline tokens outlive sessions: they go with the client's consent (one per client that holds any).
        Answer consents = http.get("/users/" + encoded(id) + "/consents");
        if (!consents.ok()) {
            throw http.refused("reading the consents of " + detail, consents);
        }
        for (JsonNode consent : consents.body()) {
            if (!holdsOfflineToken(consent)) {
                continue;
            }
            String client = consent.path("clientId").asText();
            Answer revoked = http.send("DELETE", "/users/" + encoded(id) + "/consents/" + encoded(client), null);
            if (!revoked.ok() && revoked.status() != 404) {
                throw http.refused("revoking the offline tokens of " + detail + " for " + client, revoked);
            }
            ended.add("offline tokens of " + client);
        }
        if (ended.isEmpty()) {
            return ChangeResult.alreadySo(detail + " has no live sessions");
        }
        return ChangeResult.changed("ended " + String.join(", ", ended) + " of " + detail);
    }

    private List<JsonNode> mfaCredentials(String userId) throws ConnectorException {
        Answer answer = http.get("/users/" + encoded(userId) + "/credentials");
        if (!answer.ok()) {
            throw http.refused("reading the credentials of user " + userId, answer);
        }
        List<JsonNode> mfa = new ArrayList<>();
        for (JsonNode credential : answer.body()) {
            if (MFA_CREDENTIALS.contains(credential.path("type").asText())) {
                mfa.add(credential);
            }
        }
        return mfa;
    }

    private static boolean holdsOfflineToken(JsonNode consent) {
        for (JsonNode grant : consent.path("additionalGrants")) {
            if ("Offline Token".equals(grant.path("key").asText())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Shared

    /** The user whose {@value #PERSON_ID} is the person id, if the realm has one (two is for a human to resolve). */
    @Override
    protected Optional<JsonNode> findUser(String personId) throws ConnectorException {
        Answer answer = http.get("/users?briefRepresentation=false&exact=true&max=10&q="
                + encoded(PERSON_ID + ":" + personId));
        if (!answer.ok()) {
            throw http.refused("searching users by " + PERSON_ID, answer);
        }
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode user : answer.body()) {
            if (has(user.path("attributes").path(PERSON_ID), personId)) { // the search may match more loosely
                found.add(user);
            }
        }
        if (found.size() > 1) {
            throw ConnectorException.permanent(settings.targetSystem() + " has " + found.size() + " users with "
                    + PERSON_ID + " " + personId + " in realm " + settings.realm() + ": resolve by hand", null);
        }
        return found.stream().findFirst();
    }

    private ObjectNode newUser(AccountProfile profile, String username, boolean enabled) {
        ObjectNode user = NODES.objectNode();
        user.put("username", username);
        user.put("email", username);
        user.put("firstName", profile.givenName());
        user.put("lastName", profile.familyName());
        user.put("enabled", enabled);
        ObjectNode attributes = user.putObject("attributes");
        for (String[] attribute : attributes(profile)) {
            attributes.putArray(attribute[0]).add(attribute[1]);
        }
        user.putArray("requiredActions").add(CONFIGURE_TOTP);
        return user;
    }

    /** The attributes kept on the user: the person id that finds it again, and what the directory shows. */
    private static List<String[]> attributes(AccountProfile profile) {
        return List.of(new String[] {PERSON_ID, profile.personId()},
                new String[] {"department", profile.department()},
                new String[] {"jobTitle", profile.jobTitle()},
                new String[] {"agency", profile.agency()});
    }

    private static void setIfDifferent(ObjectNode user, String field, String desired, List<String> changed) {
        if (!desired.equals(user.path(field).asText(null))) {
            user.put(field, desired);
            changed.add(field);
        }
    }

    private static boolean has(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }
}
