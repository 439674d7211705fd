package dev.tenure.hr.rest;

import dev.tenure.hr.messaging.BrokerUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as problem+json with a status that says whose move it is. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        LOG.warnf("publishing failed, answered 503: %s", e.getMessage());
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "broker-unavailable",
                        "The event log did not confirm the event; nothing was accepted. Retry later.").toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(MalformedJsonException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "malformed-json", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            return e.getResponse();
        }
        return Problem.of(status, status.name().toLowerCase().replace('_', '-'),
                status == Response.Status.NOT_FOUND ? "No such resource." : e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; nothing was accepted.").toResponse();
    }
}
