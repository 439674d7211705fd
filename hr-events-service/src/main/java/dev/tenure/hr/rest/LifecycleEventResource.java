package dev.tenure.hr.rest;

import dev.tenure.hr.domain.Caller;
import dev.tenure.hr.intake.LifecycleIntake;
import dev.tenure.hr.intake.Outcome;
import dev.tenure.hr.ledger.Receipt;
import dev.tenure.hr.messaging.BrokerUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Submit one lifecycle event; look an accepted one up. */
@Path("/api/v1/lifecycle-events")
@Tag(name = "Lifecycle events")
@SecurityRequirement(name = "jwt")
public class LifecycleEventResource {

    static final Logger LOG = Logger.getLogger(LifecycleEventResource.class);

    @Inject
    LifecycleIntake intake;

    @Inject
    CallerResolver callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Submit a joiner, mover, leaver, correction or VPN request",
            description = "Flat JSON, one event. Answered 202 only once the event log has it. Resubmitting the same "
                    + "eventId with the same content returns the original receipt; with other content, 409.")
    @APIResponse(responseCode = "202", description = "Accepted; the receipt says when, and whether it was late")
    @APIResponse(responseCode = "422", description = "Invalid: every wrong field with the reason")
    @APIResponse(responseCode = "403", description = "Outside the caller's role or agency")
    @APIResponse(responseCode = "409", description = "The eventId was accepted before with other content")
    @APIResponse(responseCode = "503", description = "The event log is unavailable; nothing was accepted")
    public Response submit(byte[] body) throws BrokerUnavailableException, MalformedJsonException {
        Optional<Caller> caller = callers.caller();
        if (caller.isEmpty()) {
            return refuse(Problem.of(Response.Status.FORBIDDEN, "no-role", CallerResolver.NO_ROLE));
        }
        if (body != null && body.length > JsonBodies.MAX_BYTES) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large",
                    "One event is at most " + JsonBodies.MAX_BYTES / 1024 + " KiB; send files to /imports.").toResponse();
        }
        String text = body == null ? "" : JsonBodies.utf8(body);
        if (text.isBlank()) {
            return Problem.of(Response.Status.BAD_REQUEST, "empty-body", "The body must be one JSON object.")
                    .toResponse();
        }
        Outcome outcome = intake.submit(caller.get(), JsonBodies.object(text));
        if (outcome instanceof Outcome.Accepted accepted) {
            return Response.accepted(ReceiptView.of(accepted.receipt()))
                    .location(URI.create("/api/v1/lifecycle-events/" + accepted.receipt().eventId())).build();
        } else if (outcome instanceof Outcome.Invalid invalid) {
            return Problem.withErrors(Problem.UNPROCESSABLE, "invalid-event",
                    "The event has " + invalid.errors().size() + " invalid field(s); nothing was published.",
                    invalid.errors().stream().map(e -> new Problem.ProblemError(null, e.field(), e.reason())).toList())
                    .toResponse();
        } else if (outcome instanceof Outcome.Forbidden forbidden) {
            return refuse(Problem.of(Response.Status.FORBIDDEN, "forbidden", forbidden.reason()));
        } else if (outcome instanceof Outcome.Conflict) {
            return Problem.of(Response.Status.CONFLICT, "event-id-reused",
                    "This eventId was accepted before with other content; use a new eventId for a new event.")
                    .toResponse();
        }
        return notReady(((Outcome.NotReady) outcome).reason());
    }

    @GET
    @Path("/{eventId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "An accepted event's receipt: what was accepted, when, and its notice")
    public Response lookUp(@PathParam("eventId") String eventId) {
        Optional<Caller> caller = callers.caller();
        if (caller.isEmpty()) {
            return refuse(Problem.of(Response.Status.FORBIDDEN, "no-role", CallerResolver.NO_ROLE));
        }
        Optional<Receipt> receipt = intake.receipt(eventId);
        Optional<String> refusal = receipt.flatMap(r -> intake.refusalToRead(caller.get(), r));
        if (refusal.isPresent()) {
            return refuse(Problem.of(Response.Status.FORBIDDEN, "forbidden", refusal.get()));
        }
        return receipt.map(r -> Response.ok(ReceiptView.of(r)).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "unknown-event",
                        "No event with this id was accepted.").toResponse());
    }

    static Response notReady(String reason) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "not-ready",
                        "The intake is still reading the events it accepted before (" + reason + "). Retry shortly.")
                .toResponse()).header("Retry-After", ProblemMappers.RETRY_AFTER_SECONDS).build();
    }

    /** Refusals are logged with the reason only: no person, no event content. */
    static Response refuse(Problem problem) {
        LOG.infof("refused (%d): %s", problem.status(), problem.detail());
        return problem.toResponse();
    }
}
