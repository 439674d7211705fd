package dev.tenure.equipment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail; {@code errors} lists each refused field or bulk row. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One refused field or row: {@code field} names it (e.g. {@code steps[3]}), {@code type} is the problem slug. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemError(String field, String type, String reason) {
    }

    public static Problem of(int status, String slug, String detail) {
        return of(status, slug, detail, null);
    }

    public static Problem of(int status, String slug, String detail, List<ProblemError> errors) {
        String title = status == 422 ? "Unprocessable Content" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return new Problem("https://tenure.dev/problems/" + slug, title, status, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
