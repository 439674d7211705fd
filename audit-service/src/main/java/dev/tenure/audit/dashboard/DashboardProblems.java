package dev.tenure.audit.dashboard;

import dev.tenure.audit.rest.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The dashboard's own problem answers, in the service's shape ({@link Problems}). */
final class DashboardProblems {

    static final String MEDIA_TYPE = Problems.MEDIA_TYPE;

    private DashboardProblems() {
    }

    static Response of(int status, String slug, String detail) {
        return Problems.of(status, slug, detail);
    }

    static Response of(int status, String slug, String detail, Map<String, Object> extensions) {
        return Problems.of(status, slug, detail, extensions);
    }

    static Response badFilter(BadFilterException e) {
        return of(400, "bad-filter", e.getMessage(), Map.of("parameter", e.parameter()));
    }

    static Response unavailable(StoresUnavailableException e) {
        return of(503, "sle-stores-unavailable", e.getMessage());
    }
}
