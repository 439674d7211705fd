package dev.tenure.equipment.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tenure.equipment.desk.BulkRefusedException;
import dev.tenure.equipment.desk.StepRefusedException;
import dev.tenure.equipment.desk.StepTimeoutException;
import dev.tenure.equipment.messaging.BrokerUnavailableException;
import dev.tenure.equipment.streams.StateUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as problem+json with a status that says whose move it is. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response refused(StepRefusedException e) {
        return Problem.of(e.status(), e.slug(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response bulkRefused(BulkRefusedException e) {
        return Problem.of(422, "bulk-refused", e.getMessage(), e.rows().stream()
                .map(row -> new Problem.ProblemError("steps[" + row.index() + "]", row.refusal().slug(),
                        row.refusal().getMessage()))
                .toList()).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(Caller.ForbiddenProblem e) {
        LOG.infof("refused (403): %s", e.getMessage());
        return Problem.of(403, "forbidden", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response stateUnavailable(StateUnavailableException e) {
        return retryLater(Problem.of(503, "state-unavailable", e.getMessage() + "; try again shortly"));
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        LOG.warnf("publishing a step failed, answered 503: %s", e.getMessage());
        return retryLater(Problem.of(503, "broker-unavailable",
                "The event log did not take the step; nothing was recorded. Try again later."));
    }

    @ServerExceptionMapper
    public Response timedOut(StepTimeoutException e) {
        return retryLater(Problem.of(503, "step-pending", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problem.of(400, "malformed-json", "The body is not the JSON expected here: " + e.getOriginalMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            return e.getResponse();
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json);
            }
        }
        return Problem.of(status.getStatusCode(), status.name().toLowerCase().replace('_', '-'),
                status == Response.Status.NOT_FOUND ? "No such resource." : e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.of(500, "internal", "Something went wrong on our side; nothing was recorded.").toResponse();
    }

    private static Response retryLater(Problem problem) {
        return Response.fromResponse(problem.toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
