package dev.tenure.audit.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @ConfigProperty(name = "tenure.audit.dashboard.max-page-size")
    int maxPageSize;

    @GET
    @Path("/compliance")
    public Response compliance() {
        return answer(instances::localCompliance);
    }

    /**
     * This instance's page of a case list query, as {@link CaseQuery#toQueryString()} writes it: the asking instance
     * fixes {@code atRiskBy} (its now plus the at-risk horizon) so every part draws the same line.
     */
    @GET
    @Path(HttpPeerClient.CASE_PAGE)
    public Response casePage(@QueryParam("status") List<String> status, @QueryParam("agency") String agency,
                             @QueryParam("sle") String sle, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("atRiskBy") String atRiskBy,
                             @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return answer(() -> instances.localCasePage(CaseQuery.parse(status, agency, sle, from, to, after, limit,
                maxPageSize, maxPageSize, CaseQuery.instant("atRiskBy", atRiskBy))));
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
        } catch (BadFilterException e) {
            return DashboardProblems.badFilter(e);
        } catch (StoresUnavailableException e) {
            return DashboardProblems.unavailable(e);
        }
    }
}
