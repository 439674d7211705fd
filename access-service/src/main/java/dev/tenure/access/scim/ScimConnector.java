package dev.tenure.access.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.ConnectorHealth;
import dev.tenure.access.directory.AccountNames;
import dev.tenure.access.scim.ScimHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One SCIM 2.0 application (RFC 7643/7644), as "make it so" commands. A person's user is found by
 * {@code externalId} = the person id (never by name), so a replayed create finds the user the first one made; the
 * generated {@code userName} is the work address ({@code given.family@mail-domain}, then {@code given.family2@...}
 * when the application answers 409 because another user holds it). Disabling is {@code PATCH replace active=false};
 * group membership is {@code PATCH add members} / {@code remove members[value eq "id"]} on the group found by its
 * {@code displayName} — a group is never rewritten whole, so other members a person or another system added stay.
 * Deletion is {@code DELETE}; a user already gone is already so.
 */
public final class ScimConnector implements Connector {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int MAX_NAME_CANDIDATES = 20;
    private static final int PAGE = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Logger LOG = Logger.getLogger(ScimConnector.class);

    private final ScimSettings settings;
    private final ScimHttp http;
    private volatile ScimServiceProvider provider;

    public ScimConnector(ScimSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new ScimHttp(settings, clock);
    }

    @Override
    public String targetSystem() {
        return settings.targetSystem();
    }

    /**
     * GET /ServiceProviderConfig, then one page of one user: applications may serve the configuration without
     * authentication (RFC 7644 §4), so only the second proves the credentials work.
     */
    @Override
    public ConnectorHealth test() {
        try {
            Answer answer = http.get("/ServiceProviderConfig");
            if (!answer.ok()) {
                return ConnectorHealth.down(settings.baseUrl() + "/ServiceProviderConfig: " + answer.detail());
            }
            provider = ScimServiceProvider.of(answer.body());
            Answer users = http.get("/Users?startIndex=1&count=1");
            if (!users.ok()) {
                return ConnectorHealth.down(settings.baseUrl() + "/Users: " + users.detail());
            }
            return ConnectorHealth.up("SCIM at " + settings.baseUrl() + " (" + provider + ")");
        } catch (ConnectorException e) {
            return ConnectorHealth.down(e.getMessage());
        }
    }

    /** What the application said it supports (read now if not yet). */
    public ScimServiceProvider serviceProvider() throws ConnectorException {
        ScimServiceProvider known = provider;
        if (known != null) {
            return known;
        }
        Answer answer = http.get("/ServiceProviderConfig");
        if (answer.ok()) {
            known = ScimServiceProvider.of(answer.body());
        } else if (answer.status() == 404) {
            known = ScimServiceProvider.ASSUMED;
            LOG.warnf("%s has no /ServiceProviderConfig; assuming %s", settings.targetSystem(), known);
        } else {
            throw http.refused("GET /ServiceProviderConfig", answer);
        }
        LOG.infof("%s at %s supports %s", settings.targetSystem(), settings.baseUrl(), known);
        provider = known;
        return known;
    }

    @Override
    public ChangeResult apply(AccessCommand command) throws ConnectorException {
        if (command instanceof EnsureAccount c) {
            return ensureAccount(c.profile(), c.enabled());
        } else if (command instanceof SetAccountEnabled c) {
            return setEnabled(c.personId(), c.enabled());
        } else if (command instanceof EnsureMembership c) {
            return ensureMembership(c.personId(), c.group());
        } else if (command instanceof RemoveMembership c) {
            return removeMembership(c.personId(), c.group());
        } else if (command instanceof DeleteAccount c) {
            return deleteAccount(c.personId());
        } else if (command instanceof RevokeMfa || command instanceof EndSessions) {
            // identity-provider commands: the planner sends them to the identity provider's target only
            throw ConnectorException.permanent(command.getClass().getSimpleName() + " is not supported by "
                    + "SCIM application " + settings.targetSystem(), null);
        }
        throw ConnectorException.permanent("unknown command " + command.getClass().getSimpleName(), null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Users

    private ChangeResult ensureAccount(AccountProfile profile, boolean enabled) throws ConnectorException {
        Optional<JsonNode> existing = findUser(profile.personId());
        if (existing.isPresent()) {
            return update(existing.get(), profile, enabled);
        }
        for (int n = 1; n <= MAX_NAME_CANDIDATES; n++) {
            String userName = userName(profile, n);
            Answer created = http.send("POST", "/Users", newUser(profile, userName, enabled), null);
            if (created.ok()) {
                return ChangeResult.changed("created " + userName + " (" + created.body().path("id").asText() + ")");
            }
            if (created.status() != 409) {
                throw http.refused("creating " + userName, created);
            }
            // 409: made by an earlier attempt whose answer was lost, or the name belongs to someone else
            existing = findUser(profile.personId());
            if (existing.isPresent()) {
                return update(existing.get(), profile, enabled);
            }
            LOG.debugf("%s: userName %s is taken (%s), trying the next", settings.targetSystem(), userName,
                    created.detail());
        }
        throw ConnectorException.permanent(settings.targetSystem() + ": no free userName for person "
                + profile.personId() + " after " + MAX_NAME_CANDIDATES + " candidates", null);
    }

    /** Brings the user's attributes and {@code active} to the profile's, changing only what differs. */
    private ChangeResult update(JsonNode user, AccountProfile profile, boolean enabled) throws ConnectorException {
        ArrayNode ops = NODES.arrayNode();
        replaceIfDifferent(ops, user, "name.givenName", user.path("name").path("givenName"), profile.givenName());
        replaceIfDifferent(ops, user, "name.familyName", user.path("name").path("familyName"), profile.familyName());
        replaceIfDifferent(ops, user, "displayName", user.path("displayName"), displayName(profile));
        replaceIfDifferent(ops, user, "title", user.path("title"), profile.jobTitle());
        JsonNode enterprise = user.path(ENTERPRISE);
        replaceIfDifferent(ops, user, ENTERPRISE + ":employeeNumber", enterprise.path("employeeNumber"),
                profile.personId());
        replaceIfDifferent(ops, user, ENTERPRISE + ":department", enterprise.path("department"), profile.department());
        replaceIfDifferent(ops, user, ENTERPRISE + ":organization", enterprise.path("organization"), profile.agency());
        if (user.path("active").asBoolean(true) != enabled) {
            ops.add(replace("active", NODES.booleanNode(enabled)));
        }
        String id = user.path("id").asText();
        String detail = user.path("userName").asText() + " (" + id + ")";
        if (ops.isEmpty()) {
            return ChangeResult.alreadySo(detail);
        }
        patchUser(user, ops);
        return ChangeResult.changed("updated " + detail);
    }

    private ChangeResult setEnabled(String personId, boolean enabled) throws ConnectorException {
        Optional<JsonNode> user = findUser(personId);
        if (user.isEmpty()) {
            if (!enabled) {
                return ChangeResult.alreadySo("no account for " + personId + ": nothing to disable");
            }
            throw ConnectorException.permanent(settings.targetSystem() + " has no account for person " + personId
                    + " to enable", null);
        }
        String detail = user.get().path("userName").asText() + " (" + user.get().path("id").asText() + ")";
        if (user.get().path("active").asBoolean(true) == enabled) {
            return ChangeResult.alreadySo(detail);
        }
        ArrayNode ops = NODES.arrayNode();
        ops.add(replace("active", NODES.booleanNode(enabled)));
        patchUser(user.get(), ops);
        return ChangeResult.changed((enabled ? "enabled " : "disabled ") + detail);
    }

    private ChangeResult deleteAccount(String personId) throws ConnectorException {
        Optional<JsonNode> user = findUser(personId);
        if (user.isEmpty()) {
            return ChangeResult.alreadySo("no account for " + personId);
        }
        String id = user.get().path("id").asText();
        Answer deleted = http.send("DELETE", "/Users/" + path(id), null, ifMatch(user.get()));
        if (deleted.ok()) {
            return ChangeResult.changed("deleted " + user.get().path("userName").asText() + " (" + id + ")");
        }
        if (deleted.status() == 404) {
            return ChangeResult.alreadySo("already deleted " + id);
        }
        throw conflictOr("deleting user " + id, deleted);
    }

    private void patchUser(JsonNode user, ArrayNode ops) throws ConnectorException {
        String id = user.path("id").asText();
        Answer answer;
        if (serviceProvider().patch()) {
            answer = http.send("PATCH", "/Users/" + path(id), patchOp(ops), ifMatch(user));
        } else {
            answer = http.send("PUT", "/Users/" + path(id), replaced((ObjectNode) user.deepCopy(), ops), ifMatch(user));
        }
        if (!answer.ok()) {
            throw conflictOr("updating user " + id, answer);
        }
    }

    private ObjectNode newUser(AccountProfile profile, String userName, boolean enabled) {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add(USER).add(ENTERPRISE);
        user.put("userName", userName);
        user.put("externalId", profile.personId());
        ObjectNode name = user.putObject("name");
        name.put("givenName", profile.givenName());
        name.put("familyName", profile.familyName());
        user.put("displayName", displayName(profile));
        user.put("title", profile.jobTitle());
        user.put("active", enabled);
        ObjectNode email = user.putArray("emails").addObject();
        email.put("value", userName);
        email.put("type", "work");
        email.put("primary", true);
        ObjectNode enterprise = user.putObject(ENTERPRISE);
        enterprise.put("employeeNumber", profile.personId());
        enterprise.put("department", profile.department());
        enterprise.put("organization", profile.agency());
        return user;
    }

    /** The user whose externalId is the person id, if the application has one. */
    private Optional<JsonNode> findUser(String personId) throws ConnectorException {
        return findOne("/Users", "externalId", personId);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Groups

    private ChangeResult ensureMembership(String personId, String groupName) throws ConnectorException {
        String userId = findUser(personId).map(u -> u.path("id").asText()).orElseThrow(() ->
                ConnectorException.permanent(settings.targetSystem() + " has no account for person " + personId
                        + " to add to " + groupName, null));
        Optional<JsonNode> group = findGroup(groupName);
        if (group.isEmpty()) {
            if (!settings.createMissingGroups()) {
                throw ConnectorException.permanent(settings.targetSystem() + " has no group " + groupName, null);
            }
            ObjectNode created = NODES.objectNode();
            created.putArray("schemas").add(GROUP);
            created.put("displayName", groupName);
            Answer answer = http.send("POST", "/Groups", created, null);
            if (answer.status() == 409) { // made meanwhile: the next attempt finds it
                throw ConnectorException.retryable(settings.targetSystem() + ": group " + groupName
                        + " was created meanwhile (" + answer.detail() + ")", null);
            }
            if (!answer.ok()) {
                throw http.refused("creating group " + groupName, answer);
            }
            group = Optional.of(answer.body());
        }
        String groupId = group.get().path("id").asText();
        if (isMember(group.get(), userId)) {
            return ChangeResult.alreadySo(groupName + " (" + groupId + ") has " + userId);
        }
        ArrayNode ops = NODES.arrayNode();
        ObjectNode add = ops.addObject();
        add.put("op", "add");
        add.put("path", "members");
        add.putArray("value").addObject().put("value", userId);
        patchGroup(group.get(), ops);
        return ChangeResult.changed("added " + userId + " to " + groupName + " (" + groupId + ")");
    }

    private ChangeResult removeMembership(String personId, String groupName) throws ConnectorException {
        Optional<JsonNode> user = findUser(personId);
        if (user.isEmpty()) {
            return ChangeResult.alreadySo("no account for " + personId + ": in no group");
        }
        String userId = user.get().path("id").asText();
        Optional<JsonNode> group = findGroup(groupName);
        if (group.isEmpty()) {
            return ChangeResult.alreadySo("no group " + groupName);
        }
        String groupId = group.get().path("id").asText();
        if (!isMember(group.get(), userId)) {
            return ChangeResult.alreadySo(groupName + " (" + groupId + ") does not have " + userId);
        }
        ArrayNode ops = NODES.arrayNode();
        ObjectNode remove = ops.addObject();
        remove.put("op", "remove");
        remove.put("path", "members[value eq " + quoted(userId) + "]");
        patchGroup(group.get(), ops);
        return ChangeResult.changed("removed " + userId + " from " + groupName + " (" + groupId + ")");
    }

    private void patchGroup(JsonNode group, ArrayNode ops) throws ConnectorException {
        String id = group.path("id").asText();
        if (!serviceProvider().patch()) {
            throw ConnectorException.permanent(settings.targetSystem() + " does not support PATCH: group membership "
                    + "is never written by replacing a whole group (it would drop members added meanwhile)", null);
        }
        Answer answer = http.send("PATCH", "/Groups/" + path(id), patchOp(ops), ifMatch(group));
        if (!answer.ok()) {
            throw conflictOr("changing the members of group " + id, answer);
        }
    }

    private Optional<JsonNode> findGroup(String displayName) throws ConnectorException {
        Optional<JsonNode> group = findOne("/Groups", "displayName", displayName);
        if (group.isPresent() && !group.get().has("members")) {
            // some applications leave members out of list answers; the group itself has them
            Answer full = http.get("/Groups/" + path(group.get().path("id").asText()));
            if (full.ok()) {
                return Optional.of(full.body());
            }
        }
        return group;
    }

    private static boolean isMember(JsonNode group, String userId) {
        for (JsonNode member : group.path("members")) {
            if (userId.equals(member.path("value").asText())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Shared

    /** The one resource whose {@code attribute} equals {@code value}: by filter, or by paging when there is none. */
    private Optional<JsonNode> findOne(String endpoint, String attribute, String value) throws ConnectorException {
        List<JsonNode> found = new ArrayList<>();
        if (serviceProvider().filter()) {
            String filter = attribute + " eq " + quoted(value);
            Answer answer = http.get(endpoint + "?filter=" + query(filter));
            if (!answer.ok()) {
                throw http.refused("GET " + endpoint + " filtered by " + attribute, answer);
            }
            for (JsonNode resource : answer.body().path("Resources")) {
                if (value.equals(resource.path(attribute).asText(null))) { // the filter is case-insensitive
                    found.add(resource);
                }
            }
        } else {
            for (int start = 1; ; start += PAGE) {
                Answer answer = http.get(endpoint + "?startIndex=" + start + "&count=" + PAGE);
                if (!answer.ok()) {
                    throw http.refused("GET " + endpoint, answer);
                }
                JsonNode resources = answer.body().path("Resources");
                for (JsonNode resource : resources) {
                    if (value.equals(resource.path(attribute).asText(null))) {
                        found.add(resource);
                    }
                }
                if (resources.size() == 0 || start + resources.size() > answer.body().path("totalResults").asInt(0)) {
                    break;
                }
            }
        }
        if (found.size() > 1) {
            throw ConnectorException.permanent(settings.targetSystem() + " has " + found.size() + " resources at "
                    + endpoint + " with " + attribute + " " + value + ": resolve by hand", null);
        }
        return found.stream().findFirst();
    }

    /** 409 and 412 on a change: someone changed it meanwhile; the next attempt reads it again and reconciles. */
    private ConnectorException conflictOr(String what, Answer answer) {
        if (answer.status() == 409 || answer.status() == 412) {
            return ConnectorException.retryable(settings.targetSystem() + ": " + what + " conflicted ("
                    + answer.detail() + "); it is read again and reconciled on the next attempt", null);
        }
        return http.refused(what, answer);
    }

    private String ifMatch(JsonNode resource) throws ConnectorException {
        if (!serviceProvider().etag()) {
            return null;
        }
        String version = resource.path("meta").path("version").asText("");
        return version.isEmpty() ? null : version;
    }

    private String userName(AccountProfile profile, int n) {
        return AccountNames.candidate(profile, n, 64).mailLocalPart() + "@" + settings.mailDomain();
    }

    private static String displayName(AccountProfile profile) {
        return profile.preferredName().orElse(profile.givenName()) + " " + profile.familyName();
    }

    private static void replaceIfDifferent(ArrayNode ops, JsonNode user, String path, JsonNode current,
                                           String desired) {
        if (!desired.equals(current.asText(null))) {
            ops.add(replace(path, NODES.textNode(desired)));
        }
    }

    private static ObjectNode replace(String path, JsonNode value) {
        ObjectNode op = NODES.objectNode();
        op.put("op", "replace");
        op.put("path", path);
        op.set("value", value);
        return op;
    }

    private static ObjectNode patchOp(ArrayNode ops) {
        ObjectNode message = NODES.objectNode();
        message.putArray("schemas").add(PATCH_OP);
        message.set("Operations", ops);
        return message;
    }

    /** The user with the replace operations applied, for an application without PATCH (PUT replaces the user). */
    private static ObjectNode replaced(ObjectNode user, ArrayNode ops) {
        user.remove("meta");
        for (JsonNode op : ops) {
            String path = op.path("path").asText();
            ObjectNode target = user;
            String attribute = path;
            if (path.startsWith(ENTERPRISE + ":")) {
                target = user.has(ENTERPRISE) ? (ObjectNode) user.get(ENTERPRISE) : user.putObject(ENTERPRISE);
                attribute = path.substring(ENTERPRISE.length() + 1);
            } else if (path.startsWith("name.")) {
                target = user.has("name") ? (ObjectNode) user.get("name") : user.putObject("name");
                attribute = path.substring("name.".length());
            }
            target.set(attribute, op.get("value"));
        }
        return user;
    }

    /** A SCIM filter string literal: JSON string syntax. */
    static String quoted(String value) {
        return NODES.textNode(value).toString();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String path(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
