package dev.tenure.access.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem+json answers. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tenure.dev/problems/";

    private Problems() {
    }

    static Response invalid(String field, String reason) {
        Map<String, Object> body = body(422, "invalid-request", "Unprocessable Content", "The request has an invalid field.");
        body.put("errors", List.of(Map.of("field", field, "reason", reason)));
        return respond(422, body);
    }

    /** A 422 naming every bad field: {@code errors} of {"field", "reason"}. */
    static Response invalid(List<Map<String, String>> errors) {
        Map<String, Object> body = body(422, "invalid-request", "Unprocessable Content", errors.size() == 1
                ? "The request has an invalid field." : "The request has invalid fields.");
        body.put("errors", errors);
        return respond(422, body);
    }

    static Response notFound(String detail) {
        return respond(404, body(404, "not-found", "Not Found", detail));
    }

    /** Any status, with the slug that names the problem type and a detail for the caller. */
    static Response of(int status, String slug, String detail) {
        String title = status == 422 ? "Unprocessable Content" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(status, body(status, slug, title, detail));
    }

    static Response forbidden(String detail) {
        return of(403, "forbidden", detail);
    }

    static Response unavailable(String detail) {
        return Response.fromResponse(respond(503, body(503, "unavailable", "Service Unavailable", detail)))
                .header("Retry-After", "5").build();
    }

    private static Map<String, Object> body(int status, String slug, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    private static Response respond(int status, Map<String, Object> body) {
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
