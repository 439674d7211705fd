package dev.tenure.audit.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * This instance's own part of the SLE stores, for the other instances' {@link SleReadModel} (never fanned out
 * further). Same roles as the dashboard: a peer forwards its caller's token.
 */
@Path(HttpPeerClient.BASE)
@Produces(MediaType.APPLICATION_JSON)
public class InstanceStoreResource {

    @Inject
    AnalystAccess access;

    @Inject
    SleInstances instances;

    @GET
    @Path("/compliance")
    public Response compliance() {
        return answer(instances::localCompliance);
    }

    @GET
    @Path("/cases")
    public Response cases() {
        return answer(instances::localCases);
    }

    @GET
    @Path("/cases/{caseId}")
    public Response oneCase(@PathParam("caseId") String caseId) {
        return answer(() -> instances.localCase(caseId).orElse(null));
    }

    private Response answer(Supplier<Object> local) {
        var refused = access.refuseUnlessReader("read this instance's SLE stores");
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Object body = local.get();
            return body == null ? DashboardProblems.of(404, "not-found", "not in this instance's store")
                    : Response.ok(body).build();
        } catch (StoresUnavailableException e) {
            return DashboardProblems.unavailable(e);
        }
    }
}
