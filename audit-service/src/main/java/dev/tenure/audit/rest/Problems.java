package dev.tenure.audit.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem+json answers: {@code type} https://tenure.dev/problems/&lt;slug&gt;, {@code detail} the reason;
 * the service's one shape of error, for the audit API and the dashboard alike.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tenure.dev/problems/";

    private Problems() {
    }

    public static Response of(int status, String slug, String detail) {
        return of(status, slug, detail, Map.of());
    }

    /** With extension members (e.g. the {@code parameter} a bad request named). */
    public static Response of(int status, String slug, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", status == 422 ? "Unprocessable Content" : Response.Status.fromStatusCode(status)
                .getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(body);
        if (status == 503) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }
}
