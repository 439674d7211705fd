package dev.tenure.access.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** An operator's small JSON request body, read by hand so that every mistake answers as problem+json. */
final class JsonBody {

    static final int MAX_REASON = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /** The body's required {@code reason}, or the problem to answer with (400 not JSON, 422 missing or too long). */
    static Result reason(String body) {
        if (body == null || body.isBlank()) {
            return missingReason();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Result(null, Problems.of(400, "malformed-json", "The body is not JSON: " + e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return new Result(null, Problems.of(400, "malformed-json",
                    "The body must be a JSON object like {\"reason\": \"...\"}."));
        }
        JsonNode reason = node.get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            return missingReason();
        }
        String text = reason.asText().strip();
        if (text.length() > MAX_REASON) {
            return new Result(null, Problems.invalid("reason", "at most " + MAX_REASON + " characters"));
        }
        return new Result(text, null);
    }

    private static Result missingReason() {
        return new Result(null, Problems.invalid("reason", "required, not blank: say why, for the record"));
    }

    /** The reason, or the problem response. */
    record Result(String reason, Response problem) {
        Optional<Response> refusal() {
            return Optional.ofNullable(problem);
        }
    }
}
