package dev.tenure.hr.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists every field (and, for CSV, line) that is wrong,
 * so a caller can fix a request or a file in one go.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One wrong field; {@code line} is the CSV line (1 = the header) when the problem is in a file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemError(Integer line, String field, String reason) {
    }

    /** 422: well-formed, but the content is wrong (JAX-RS has no constant for it). */
    public static final int UNPROCESSABLE = 422;

    public static Problem of(Response.Status status, String slug, String detail) {
        return withErrors(status.getStatusCode(), slug, detail, null);
    }

    public static Problem withErrors(Response.Status status, String slug, String detail, List<ProblemError> errors) {
        return withErrors(status.getStatusCode(), slug, detail, errors);
    }

    public static Problem withErrors(int status, String slug, String detail, List<ProblemError> errors) {
        String title = status == UNPROCESSABLE ? "Unprocessable Content"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return new Problem("https://tenure.dev/problems/" + slug, title, status, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
