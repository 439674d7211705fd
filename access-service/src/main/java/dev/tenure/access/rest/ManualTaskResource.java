package dev.tenure.access.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.access.manual.ManualTask;
import dev.tenure.access.manual.ManualTasks;
import dev.tenure.access.manual.ManualTasks.Action;
import dev.tenure.access.manual.ManualTasks.Answer;
import dev.tenure.access.manual.TaskStore;
import dev.tenure.access.manual.TaskTransitions.FieldError;
import dev.tenure.access.manual.TaskTransitions.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Manual tasks for provisioners: list a queue, read one, assign, reassign (with a reason), done (comment optional;
 * when it was done, not in the future), errored (comment required), and the same action on many tasks at once. Every
 * change names the task's version as the caller read it (a stale one answers 409) and is published on access-events
 * with the caller as its actor; a refused request changes and publishes nothing. A task's id is the command's actionId
 * (it holds slashes: {@code /api/v1/manual-tasks/{id}/done} takes it as it is).
 */
@Path("/api/v1/manual-tasks")
@Produces(MediaType.APPLICATION_JSON)
public class ManualTaskResource {

    static final int MAX_BULK = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIONS = Set.of("assign", "reassign", "done", "errored");

    @Inject
    ManualTasks tasks;

    @Inject
    ProvisionerAccess access;

    /** The tasks matching every filter given, oldest first. */
    @GET
    public Response list(@QueryParam("queue") String queue, @QueryParam("app") String app,
                         @QueryParam("state") String state, @QueryParam("assignee") String assignee,
                         @QueryParam("overdue") String overdue) {
        var refused = access.refuseUnlessReader("list manual tasks");
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Map<String, String>> errors = new ArrayList<>();
        ManualTask.State wanted = null;
        if (blankToNull(state) != null) {
            try {
                wanted = ManualTask.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(error("state", "one of OPEN, ASSIGNED, DONE, ERRORED"));
            }
        }
        Boolean late = null;
        if (blankToNull(overdue) != null) {
            if (overdue.equalsIgnoreCase("true") || overdue.equalsIgnoreCase("false")) {
                late = Boolean.valueOf(overdue.toLowerCase(Locale.ROOT));
            } else {
                errors.add(error("overdue", "true or false"));
            }
        }
        Optional<Response> unanswerable = invalidOrNotReady(errors);
        if (unanswerable.isPresent()) {
            return unanswerable.get();
        }
        Instant now = tasks.now();
        List<TaskView> found = tasks.list(new ManualTasks.Filter(blankToNull(queue), blankToNull(app), wanted,
                blankToNull(assignee), late)).stream().map(t -> view(t, now)).toList();
        return Response.ok(new TaskList(now, found.size(), found)).build();
    }

    @GET
    @Path("/{id: .+}")
    public Response one(@PathParam("id") String id) {
        var refused = access.refuseUnlessReader("read manual tasks");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!tasks.ready()) {
            return notReady();
        }
        return tasks.find(id).map(t -> Response.ok(view(t, tasks.now())).build())
                .orElseGet(() -> Problems.notFound("There is no manual task " + id + "."));
    }

    /**
     * One action on one task, its fields in the body:
     * <ul>
     *   <li>{@code assign}: {@code {"version": 1, "assignee": "..."}}; without an assignee, the caller takes it;</li>
     *   <li>{@code reassign}: {@code {"version": 2, "assignee": "...", "reason": "..."}};</li>
     *   <li>{@code done}: {@code {"version": 2, "comment": "...", "effectiveAt": "2027-07-01T09:00:00Z"}} (both
     *       optional);</li>
     *   <li>{@code errored}: {@code {"version": 2, "comment": "..."}}.</li>
     * </ul>
     */
    @POST
    @Path("/{id: .+}/{action: assign|reassign|done|errored}")
    @Consumes(MediaType.WILDCARD)
    public Response single(@PathParam("id") String id, @PathParam("action") String action, String body) {
        Parsed parsed = provisionersBody(body);
        if (parsed.problem != null) {
            return parsed.problem;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        parsed.node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        Optional<Response> unanswerable = invalidOrNotReady(List.of());
        if (unanswerable.isPresent()) {
            return unanswerable.get();
        }
        return act(id, action, fields);
    }

    /**
     * The same action on many tasks: {@code {"action": "done", "items": [{"id": "...", "version": 3}, ...],
     * "comment": ...}} (and {@code assignee}, {@code reason}, {@code effectiveAt} as the action takes). Each task is
     * changed or refused on its own — one bad id does not stop the others — and the answer lists each result.
     */
    @POST
    @Path("/bulk")
    @Consumes(MediaType.WILDCARD)
    public Response bulk(String body) {
        Parsed parsed = provisionersBody(body);
        if (parsed.problem != null) {
            return parsed.problem;
        }
        JsonNode node = parsed.node;
        List<Map<String, String>> errors = new ArrayList<>();
        JsonNode actionNode = node.get("action");
        String action = actionNode != null && actionNode.isTextual() ? actionNode.asText().strip() : null;
        if (action == null || !ACTIONS.contains(action)) {
            errors.add(error("action", "required: one of assign, reassign, done, errored"));
        }
        JsonNode items = node.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            errors.add(error("items", "required: a non-empty list of {\"id\", \"version\"}"));
        } else if (items.size() > MAX_BULK) {
            errors.add(error("items", "at most " + MAX_BULK + " at once"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isObject() || item.get("id") == null || !item.get("id").isTextual()
                        || item.get("id").asText().isBlank()) {
                    errors.add(error("items[" + i + "].id", "required: the task's id"));
                }
            }
        }
        Map<String, JsonNode> shared = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("action") && !field.getKey().equals("items")) {
                shared.put(field.getKey(), field.getValue());
            }
        }
        Optional<Response> unanswerable = invalidOrNotReady(errors);
        if (unanswerable.isPresent()) {
            return unanswerable.get();
        }
        List<BulkResult> results = new ArrayList<>();
        int succeeded = 0;
        for (JsonNode item : items) {
            String id = item.get("id").asText().strip();
            Map<String, JsonNode> fields = new LinkedHashMap<>(shared);
            if (item.has("version")) {
                fields.put("version", item.get("version"));
            }
            Response answer = act(id, action, fields);
            Object entity = answer.getEntity();
            if (answer.getStatus() == 200) {
                succeeded++;
                results.add(new BulkResult(id, 200, (TaskView) entity, null));
            } else {
                results.add(new BulkResult(id, answer.getStatus(), null, entity));
            }
        }
        return Response.ok(new BulkAnswer(action, results.size(), succeeded, results.size() - succeeded, results))
                .build();
    }

    // ---- one action

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "assign", Set.of("version", "assignee"),
            "reassign", Set.of("version", "assignee", "reason"),
            "done", Set.of("version", "comment", "effectiveAt"),
            "errored", Set.of("version", "comment"));

    private Response act(String id, String action, Map<String, JsonNode> fields) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (String name : fields.keySet()) {
            if (!FIELDS.get(action).contains(name)) {
                errors.add(error(name, "unknown field for " + action + " (allowed: "
                        + String.join(", ", FIELDS.get(action).stream().sorted().toList()) + ")"));
            }
        }
        Integer version = null;
        JsonNode v = fields.get("version");
        if (v != null && !v.isNull()) {
            if (v.isInt()) {
                version = v.asInt();
            } else {
                errors.add(error("version", "must be an integer"));
            }
        }
        String assignee = text(fields, "assignee", errors);
        String reason = text(fields, "reason", errors);
        String comment = text(fields, "comment", errors);
        Instant effectiveAt = null;
        String at = text(fields, "effectiveAt", errors);
        if (at != null) {
            try {
                effectiveAt = Instant.parse(at.strip());
            } catch (DateTimeParseException e) {
                errors.add(error("effectiveAt", "an instant like 2027-07-01T09:00:00Z"));
            }
        }
        if (!errors.isEmpty()) {
            return Problems.invalid(errors);
        }
        Action request = switch (action) {
            case "assign" -> new ManualTasks.Assign(version, assignee);
            case "reassign" -> new ManualTasks.Reassign(version, assignee, reason);
            case "done" -> new ManualTasks.Done(version, comment, effectiveAt);
            default -> new ManualTasks.Errored(version, comment);
        };
        Answer answer;
        try {
            answer = tasks.act(id, request, access.name());
        } catch (TaskStore.StoreException e) {
            return Problems.unavailable("The change could not be recorded (" + e.getMessage()
                    + "); nothing was changed. Retry later.");
        }
        if (!answer.ok()) {
            return problem(answer.refusal());
        }
        return Response.ok(view(answer.task(), tasks.now())).build();
    }

    private static Response problem(Refusal refusal) {
        if (refusal.status() == 422) {
            return Problems.invalid(refusal.errors().stream().map(ManualTaskResource::error).toList());
        }
        if (refusal.status() == 404) {
            return Problems.notFound(refusal.detail());
        }
        return Problems.of(refusal.status(), refusal.slug(), refusal.detail());
    }

    private static String text(Map<String, JsonNode> fields, String name, List<Map<String, String>> errors) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(error(name, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private record Parsed(JsonNode node, Response problem) {
    }

    /** The body of a change: its JSON object, or the problem to answer (no provisioner, no JSON object). */
    private Parsed provisionersBody(String body) {
        var refused = access.refuseUnlessProvisioner("act on manual tasks");
        if (refused.isPresent()) {
            return new Parsed(null, refused.get());
        }
        return parse(body);
    }

    /** The problem to answer for a request with errors, or while the tasks are still being read; else empty. */
    private Optional<Response> invalidOrNotReady(List<Map<String, String>> errors) {
        if (!errors.isEmpty()) {
            return Optional.of(Problems.invalid(errors));
        }
        if (!tasks.ready()) {
            return Optional.of(notReady());
        }
        return Optional.empty();
    }

    private static Parsed parse(String body) {
        if (body == null || body.isBlank()) {
            return new Parsed(null, Problems.of(400, "malformed-json", "The body must be a JSON object."));
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                return new Parsed(null, Problems.of(400, "malformed-json", "The body must be a JSON object."));
            }
            return new Parsed(node, null);
        } catch (JsonProcessingException e) {
            return new Parsed(null, Problems.of(400, "malformed-json", "The body is not JSON: "
                    + e.getOriginalMessage()));
        }
    }

    private static Map<String, String> error(String field, String reason) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("reason", reason);
        return e;
    }

    private static Map<String, String> error(FieldError e) {
        return error(e.field(), e.reason());
    }

    private static Response notReady() {
        return Problems.unavailable("The manual tasks are still being read at start-up.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private TaskView view(ManualTask t, Instant now) {
        return new TaskView(t.taskId(), t.version(), t.state().name(), t.queue(), t.app(), t.targetSystem(),
                t.request().name(), t.personId(), t.agency(), t.entitlement(), t.group(), t.assignee(), t.openedAt(),
                t.dueAt(), t.updatedAt(), t.updatedBy(), t.comment(), t.completedAt(), t.remindedAt(),
                t.escalatedAt(), tasks.rules().overdue(t, now), t.causationId(), t.correlationId());
    }

    public record TaskList(Instant asOf, int count, List<TaskView> tasks) {
    }

    /** One task as the API shows it. */
    public record TaskView(String id, int version, String state, String queue, String app, String targetSystem,
                           String request, String personId, String agency, String entitlement, String group,
                           String assignee, Instant openedAt, Instant dueAt, Instant updatedAt, String updatedBy,
                           String comment, Instant completedAt, Instant remindedAt, Instant escalatedAt,
                           boolean overdue, String causationId, String correlationId) {
    }

    /** One task's result in a bulk action: the task after it (200), or the problem (any other status). */
    public record BulkResult(String id, int status, TaskView task, Object problem) {
    }

    public record BulkAnswer(String action, int count, int succeeded, int failed, List<BulkResult> results) {
    }
}
