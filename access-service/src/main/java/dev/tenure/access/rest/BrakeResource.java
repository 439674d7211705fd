package dev.tenure.access.rest;

import dev.tenure.access.execution.MassChangeBrake;
import dev.tenure.access.execution.MassChangeBrake.Snapshot;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The mass-change brake: its state for anyone who may read, and its release — with a reason, by an operator — after
 * someone has checked that the disables and deletes it stopped are meant.
 */
@Path("/api/v1/brake")
@Produces(MediaType.APPLICATION_JSON)
public class BrakeResource {

    private static final Logger LOG = Logger.getLogger(BrakeResource.class);

    @Inject
    MassChangeBrake brake;

    @Inject
    OperatorAccess access;

    @GET
    public Response state() {
        return access.refuseUnlessReader("read the brake")
                .orElseGet(() -> Response.ok(BrakeView.of(brake.snapshot())).build());
    }

    @POST
    @Path("/release")
    @Consumes(MediaType.WILDCARD)
    public Response release(String body) {
        var refused = access.refuseUnlessOperator("release the brake");
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonBody.Result reason = JsonBody.reason(body);
        if (reason.refusal().isPresent()) {
            return reason.refusal().get();
        }
        Snapshot after;
        try {
            after = brake.release(access.name(), reason.reason());
        } catch (IllegalStateException e) {
            return Problems.of(409, "brake-not-engaged", "The brake is not engaged; there is nothing to release.");
        }
        LOG.warnf("mass-change brake RELEASED by %s: %s (it held %s)", access.name(), reason.reason(),
                after.lastRelease().map(r -> r.countAtEngagement() + " changes for " + r.target()).orElse("?"));
        return Response.ok(BrakeView.of(after)).build();
    }

    /** The brake as JSON. */
    public record BrakeView(String state, int threshold, String window, Set<String> steps, Map<String, Integer> counts,
                            Instant engagedSince, String engagedTarget, String reason, MassChangeBrake.HeldCommand held,
                            MassChangeBrake.Release lastRelease, String source) {

        static BrakeView of(Snapshot s) {
            return new BrakeView(s.engaged() ? "ENGAGED" : "RELEASED", s.threshold(), s.window().toString(), s.steps(),
                    s.counts(), s.engagedSince().orElse(null), s.engagedTarget().orElse(null),
                    s.engagedReason().orElse(null), s.held().orElse(null), s.lastRelease().orElse(null),
                    "counted per target system (commands do not yet carry who submitted the HR events)");
        }
    }
}
