package dev.tenure.hr.rest;

import dev.tenure.hr.domain.Caller;
import dev.tenure.hr.domain.csv.CsvError;
import dev.tenure.hr.domain.csv.CsvEventFile;
import dev.tenure.hr.intake.ImportOutcome;
import dev.tenure.hr.intake.LifecycleIntake;
import dev.tenure.hr.messaging.BrokerUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import of an HR export as CSV: validated whole, published whole in one transaction, or not at all. */
@Path("/api/v1/lifecycle-events/imports")
@Tag(name = "Lifecycle events")
@SecurityRequirement(name = "jwt")
public class LifecycleImportResource {

    @Inject
    LifecycleIntake intake;

    @Inject
    CallerResolver callers;

    /** What an import answers: how many rows were published, and each row's result. */
    public record ImportResult(int rows, int published, int duplicates, List<ImportOutcome.Row> results) {
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Import a CSV file of lifecycle events",
            description = "Header row with the field names of the JSON event (see hr-events-service/docs/intake-csv.md); one event per row. "
                    + "A file with any bad row is rejected with every bad row listed; a good file is published atomically.")
    @APIResponse(responseCode = "202", description = "Every row published (or recognised as a duplicate)")
    @APIResponse(responseCode = "422", description = "Bad rows, each with line, column and reason; nothing published")
    public Response importCsv(InputStream body) throws IOException, BrokerUnavailableException {
        Optional<Caller> caller = callers.caller();
        if (caller.isEmpty()) {
            return LifecycleEventResource.refuse(Problem.of(Response.Status.FORBIDDEN, "no-role", CallerResolver.NO_ROLE));
        }
        ImportOutcome outcome = intake.importCsv(caller.get(), CsvEventFile.utf8(body));
        if (outcome instanceof ImportOutcome.Accepted accepted) {
            int rows = accepted.rows().size();
            return Response.accepted(new ImportResult(rows, accepted.published(), rows - accepted.published(),
                    accepted.rows())).build();
        } else if (outcome instanceof ImportOutcome.Invalid invalid) {
            return rowProblem(Problem.UNPROCESSABLE, "invalid-file", invalid.errors(),
                    "The file has errors; nothing was published.");
        } else if (outcome instanceof ImportOutcome.Conflict conflict) {
            return rowProblem(Response.Status.CONFLICT.getStatusCode(), "event-id-reused", conflict.errors(),
                    "Some rows conflict with events accepted before; nothing was published.");
        } else if (outcome instanceof ImportOutcome.Forbidden forbidden) {
            return LifecycleEventResource.refuse(Problem.withErrors(Response.Status.FORBIDDEN, "forbidden",
                    forbidden.reason() + "; nothing was published.",
                    forbidden.lines().stream().map(line -> new Problem.ProblemError(line, "agency", forbidden.reason()))
                            .toList()));
        }
        return LifecycleEventResource.notReady(((ImportOutcome.NotReady) outcome).reason());
    }

    private static Response rowProblem(int status, String slug, List<CsvError> errors, String detail) {
        return Problem.withErrors(status, slug, errors.size() + " error(s). " + detail,
                errors.stream().map(e -> new Problem.ProblemError(e.line(), e.column(), e.reason())).toList())
                .toResponse();
    }
}
