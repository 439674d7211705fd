package dev.tenure.access.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenure.access.connector.HttpExchange.Answer;
import dev.tenure.access.directory.AccountNames;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The account rules of a target that keeps people's accounts as JSON users over HTTP (a SCIM application, the identity
 * provider), as "make it so" commands. A person's user is found by the person id (never by name), so a replayed create
 * finds the user the first one made; a new user is named by the work address ({@code given.family@mail-domain}, then
 * {@code given.family2@...} while the target answers 409 because another user holds the name). A user that is not
 * there is already disabled and already deleted, but cannot be enabled. The subclass makes the target's requests.
 */
public abstract class HttpAccountConnector implements AccountConnector {

    private static final int MAX_NAME_CANDIDATES = 20;

    protected final HttpExchange http;
    private final String targetSystem;
    private final String description;
    private final String mailDomain;
    private final String nameAttribute;
    private final Logger log = Logger.getLogger(getClass());

    /**
     * @param description   the target as a refusal names it, e.g. {@code SCIM application slack}
     * @param mailDomain    the domain of the work addresses
     * @param nameAttribute the user's attribute holding the work address, e.g. {@code userName}
     * @param http          the target's requests
     */
    protected HttpAccountConnector(String description, String mailDomain, String nameAttribute, HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
        this.targetSystem = http.targetSystem();
        this.description = Objects.requireNonNull(description, "description");
        this.mailDomain = Objects.requireNonNull(mailDomain, "mailDomain");
        this.nameAttribute = Objects.requireNonNull(nameAttribute, "nameAttribute");
    }

    /** The requests that show the target reachable and the credentials working: up, or down and why. */
    protected abstract ConnectorHealth health() throws ConnectorException;

    /** The user whose person id is {@code personId}, if the target has one (two is for a human to resolve). */
    protected abstract Optional<JsonNode> findUser(String personId) throws ConnectorException;

    /** Asks the target to create the person's user under {@code name}. */
    protected abstract Answer create(AccountProfile profile, String name, boolean enabled) throws ConnectorException;

    /** What a create the target accepted did. */
    protected abstract ChangeResult created(AccountProfile profile, String name, boolean enabled, Answer answer)
            throws ConnectorException;

    /** Brings an existing user to the profile and {@code enabled}, changing only what differs. */
    protected abstract ChangeResult update(JsonNode user, AccountProfile profile, boolean enabled)
            throws ConnectorException;

    protected abstract boolean isEnabled(JsonNode user);

    /** Enables or disables a user that is not so yet. */
    protected abstract ChangeResult changeEnabled(JsonNode user, boolean enabled) throws ConnectorException;

    /** Asks the target to delete the user. */
    protected abstract Answer delete(JsonNode user) throws ConnectorException;

    @Override
    public String targetSystem() {
        return targetSystem;
    }

    @Override
    public String description() {
        return description;
    }

    /** {@link #health()}, or down for the reason a request of it failed (unreachable, credentials refused). */
    @Override
    public ConnectorHealth test() {
        try {
            return health();
        } catch (ConnectorException e) {
            return ConnectorHealth.down(e.getMessage());
        }
    }

    @Override
    public ChangeResult ensureAccount(AccountProfile profile, boolean enabled) throws ConnectorException {
        Optional<JsonNode> existing = findUser(profile.personId());
        if (existing.isPresent()) {
            return update(existing.get(), profile, enabled);
        }
        for (int n = 1; n <= MAX_NAME_CANDIDATES; n++) {
            String name = AccountNames.candidate(profile, n, 64).mailLocalPart() + "@" + mailDomain;
            Answer created = create(profile, name, enabled);
            if (created.ok()) {
                return created(profile, name, enabled, created);
            }
            if (created.status() != 409) {
                throw http.refused("creating " + name, created);
            }
            // 409: made by an earlier attempt whose answer was lost, or the name belongs to someone else
            existing = findUser(profile.personId());
            if (existing.isPresent()) {
                return update(existing.get(), profile, enabled);
            }
            log.debugf("%s: %s %s is taken (%s), trying the next", targetSystem, nameAttribute, name,
                    created.detail());
        }
        throw ConnectorException.permanent(targetSystem + ": no free " + nameAttribute + " for person "
                + profile.personId() + " after " + MAX_NAME_CANDIDATES + " candidates", null);
    }

    @Override
    public ChangeResult setAccountEnabled(String personId, boolean enabled) throws ConnectorException {
        Optional<JsonNode> user = findUser(personId);
        if (user.isEmpty()) {
            return AccountConnector.noAccount(personId, enabled, "in " + targetSystem);
        }
        if (isEnabled(user.get()) == enabled) {
            return ChangeResult.alreadySo(describe(user.get()));
        }
        return changeEnabled(user.get(), enabled);
    }

    @Override
    public ChangeResult deleteAccount(String personId) throws ConnectorException {
        Optional<JsonNode> user = findUser(personId);
        if (user.isEmpty()) {
            return ChangeResult.alreadySo("no account for " + personId);
        }
        String id = user.get().path("id").asText();
        Answer deleted = delete(user.get());
        if (deleted.status() == 404) {
            return ChangeResult.alreadySo("already deleted " + id);
        }
        if (!deleted.ok()) {
            throw refusedChange("deleting user " + id, deleted);
        }
        return ChangeResult.changed("deleted " + describe(user.get()));
    }

    /** A change the target refused: permanent, with its words (a target may know better, e.g. of a 409). */
    protected ConnectorException refusedChange(String what, Answer answer) {
        return http.refused(what, answer);
    }

    /** The user as results name it: its generated name and its id. */
    protected String describe(JsonNode user) {
        return user.path(nameAttribute).asText() + " (" + user.path("id").asText() + ")";
    }
}
