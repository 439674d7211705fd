package dev.tenure.access.scim;

import static dev.tenure.access.connector.HttpExchange.encoded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.ConnectorHealth;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.connector.HttpAccountConnector;
import dev.tenure.access.connector.HttpExchange;
import dev.tenure.access.connector.HttpExchange.Answer;
import dev.tenure.access.connector.MembershipConnector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
public final class ScimConnector extends HttpAccountConnector implements MembershipConnector {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int PAGE = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Logger LOG = Logger.getLogger(ScimConnector.class);

    private final ScimSettings settings;
    private volatile ScimServiceProvider provider;

    public ScimConnector(ScimSettings settings, Clock clock) {
        super("SCIM application " + settings.targetSystem(), settings.mailDomain(), "userName",
                new HttpExchange(settings.targetSystem(), settings.baseUrl(), settings.connectTimeout(),
                        settings.requestTimeout(), settings.authorization(), new ScimDialect(settings), clock));
        this.settings = settings;
    }

    /**
     * GET /ServiceProviderConfig, then one page of one user: applications may serve the configuration without
     * authentication (RFC 7644 §4), so only the second proves the credentials work.
     */
    @Override
    protected ConnectorHealth health() throws ConnectorException {
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

    // ---------------------------------------------------------------------------------------------------------------
    // Users

    @Override
    protected Answer create(AccountProfile profile, String userName, boolean enabled) throws ConnectorException {
        return http.send("POST", "/Users", newUser(profile, userName, enabled), null);
    }

    @Override
    protected ChangeResult created(AccountProfile profile, String userName, boolean enabled, Answer answer) {
        return ChangeResult.changed("created " + userName + " (" + answer.body().path("id").asText() + ")");
    }

    /** Brings the user's attributes and {@code active} to the profile's, changing only what differs. */
    @Override
    protected ChangeResult update(JsonNode user, AccountProfile profile, boolean enabled) throws ConnectorException {
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
        if (isEnabled(user) != enabled) {
            ops.add(replace("active", NODES.booleanNode(enabled)));
        }
        if (ops.isEmpty()) {
            return ChangeResult.alreadySo(describe(user));
        }
        patchUser(user, ops);
        return ChangeResult.changed("updated " + describe(user));
    }

    @Override
    protected boolean isEnabled(JsonNode user) {
        return user.path("active").asBoolean(true);
    }

    @Override
    protected ChangeResult changeEnabled(JsonNode user, boolean enabled) throws ConnectorException {
        ArrayNode ops = NODES.arrayNode();
        ops.add(replace("active", NODES.booleanNode(enabled)));
        patchUser(user, ops);
        return ChangeResult.changed((enabled ? "enabled " : "disabled ") + describe(user));
    }

    @Override
    protected Answer delete(JsonNode user) throws ConnectorException {
        return http.send("DELETE", "/Users/" + encoded(user.path("id").asText()), null, ifMatch(user));
    }

    private void patchUser(JsonNode user, ArrayNode ops) throws ConnectorException {
        String id = user.path("id").asText();
        Answer answer;
        if (serviceProvider().patch()) {
            answer = http.send("PATCH", "/Users/" + encoded(id), patchOp(ops), ifMatch(user));
        } else {
            answer = http.send("PUT", "/Users/" + encoded(id), replaced((ObjectNode) user.deepCopy(), ops),
                    ifMatch(user));
        }
        if (!answer.ok()) {
            throw refusedChange("updating user " + id, answer);
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
    @Override
    protected Optional<JsonNode> findUser(String personId) throws ConnectorException {
        return findOne("/Users", "externalId", personId);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Groups

    /** The group is found by its {@code displayName}; SCIM has no kinds of group. */
    @Override
    public ChangeResult ensureMembership(String personId, String groupName, GroupKind kind) throws ConnectorException {
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

    @Override
    public ChangeResult removeMembership(String personId, String groupName) throws ConnectorException {
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
        Answer answer = http.send("PATCH", "/Groups/" + encoded(id), patchOp(ops), ifMatch(group));
        if (!answer.ok()) {
            throw refusedChange("changing the members of group " + id, answer);
        }
    }

    private Optional<JsonNode> findGroup(String displayName) throws ConnectorException {
        Optional<JsonNode> group = findOne("/Groups", "displayName", displayName);
        if (group.isPresent() && !group.get().has("members")) {
            // some applications leave members out of list answers; the group itself has them
            Answer full = http.get("/Groups/" + encoded(group.get().path("id").asText()));
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
            Answer answer = http.get(endpoint + "?filter=" + encoded(filter));
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
    @Override
    protected ConnectorException refusedChange(String what, Answer answer) {
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
}
