package dev.tenure.audit.dashboard;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem+json answers, as the rest of the service gives them: {@code type} https://tenure.dev/problems/&lt;slug&gt;. */
final class DashboardProblems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tenure.dev/problems/";

    private DashboardProblems() {
    }

    static Response of(int status, String slug, String detail) {
        return of(status, slug, detail, Map.of());
    }

    static Response of(int status, String slug, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(body);
        if (status == 503) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }

    static Response badFilter(BadFilterException e) {
        return of(400, "bad-filter", e.getMessage(), Map.of("parameter", e.parameter()));
    }

    static Response unavailable(StoresUnavailableException e) {
        return of(503, "sle-stores-unavailable", e.getMessage());
    }
}
