package dev.tenure.audit.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.audit.sle.config.SleConfig;
import dev.tenure.audit.sle.domain.CaseView;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The dashboard's API for analysts (role {@code analyst} or {@code auditor}): each SLE's compliance against its
 * target with its trend, the missed and at-risk cases a page at a time, one case with the link to its audit trail,
 * and a stream of server-sent events announcing every change. Filters: {@code agency}, {@code period} (WEEK|MONTH),
 * {@code from} and {@code to} (ISO dates), {@code sle}; paging: {@code limit}, {@code after}; a bad one is a 400
 * problem naming it.
 */
@Path("/api/v1/sle")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    /** One case, with where its audit trail is. */
    public record CaseDetail(CaseView view, boolean atRisk, String auditTrail) {
    }

    /**
     * A page of the case list: its cases, how many match in all, the page size, and the cursor of the next page with
     * the request that reads it (both null on the last page).
     */
    public record CaseList(List<CaseDetail> cases, long total, int limit, String next, String nextPage) {
    }

    @Inject
    AnalystAccess access;

    @Inject
    SleInstances instances;

    @Inject
    SleChangeFeed feed;

    @Inject
    DashboardScans scans;

    @Inject
    SleConfig sle;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tenure.audit.dashboard.at-risk-horizon")
    Duration atRiskHorizon;

    /** The case list's page size when a request names none, and the most it may name. */
    @ConfigProperty(name = "tenure.audit.dashboard.page-size")
    int pageSize;

    @ConfigProperty(name = "tenure.audit.dashboard.max-page-size")
    int maxPageSize;

    /** Where a person's audit trail is: {personId} is replaced. */
    @ConfigProperty(name = "tenure.audit.dashboard.audit-trail-path")
    String auditTrailPath;

    @GET
    @Path("/compliance")
    public Response compliance(@QueryParam("agency") String agency, @QueryParam("period") String period,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("sle") String sleName,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer("read SLE compliance", () -> {
            DashboardFilter filter = DashboardFilter.parse(agency, period, from, to, sleName);
            return ComplianceReport.of(scans.compliance(() -> model(authorization).allCompliance()), filter,
                    sle.settings(), clock.instant());
        });
    }

    /**
     * A page of the cases of {@code status} (default MISSED and AT_RISK) under the filters, by due time then case id:
     * {@code limit} of them (default {@code tenure.audit.dashboard.page-size}), after the cursor {@code after} (the
     * {@code next} of the page before).
     */
    @GET
    @Path("/cases")
    public Response cases(@QueryParam("status") List<String> status, @QueryParam("agency") String agency,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("sle") String sleName, @QueryParam("limit") String limit,
                          @QueryParam("after") String after, @Context UriInfo request,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return answer("list SLE cases", () -> {
            CaseQuery query = CaseQuery.parse(status, agency, sleName, from, to, after, limit, pageSize, maxPageSize,
                    clock.instant().plus(atRiskHorizon));
            CasePage page = model(authorization).casePage(query);
            String next = page.next();
            String nextPage = null;
            if (next != null) {
                URI uri = request.getRequestUriBuilder().replaceQueryParam("after", next).build();
                nextPage = uri.getRawPath() + "?" + uri.getRawQuery();
            }
            return new CaseList(page.cases().stream().map(view -> detail(view, CaseQuery.atRisk(view,
                    query.atRiskBy()))).toList(), page.total(), query.limit(), next, nextPage);
        });
    }

    @GET
    @Path("/cases/{caseId}")
    public Response oneCase(@PathParam("caseId") String caseId,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        var refused = access.refuseUnlessReader("read an SLE case");
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return model(authorization).caseById(caseId)
                    .map(view -> Response.ok(detail(view, CaseQuery.atRisk(view, clock.instant().plus(atRiskHorizon))))
                            .build())
                    .orElseGet(() -> DashboardProblems.of(404, "not-found", "no SLE case " + caseId));
        } catch (IllegalArgumentException e) {
            return DashboardProblems.of(400, "bad-case-id", "a case id is <SLE>:<agency>:<event id>: "
                    + e.getMessage(), Map.of("parameter", "caseId"));
        } catch (StoresUnavailableException e) {
            return DashboardProblems.unavailable(e);
        }
    }

    /** Server-sent events: one {@link SleChange} per changed aggregate or case. */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<SleChange> events() {
        var refused = access.refuseUnlessReader("follow SLE changes");
        if (refused.isPresent()) {
            throw new WebApplicationException(refused.get());
        }
        // "connected" at once (the page knows it follows), then every change, and a heartbeat that keeps proxies open
        return Multi.createBy().merging().streams(Multi.createFrom().item(new SleChange("connected", null)),
                feed.changes(), Multi.createFrom().ticks().every(HEARTBEAT).map(t -> new SleChange("heartbeat", null)));
    }

    private CaseDetail detail(CaseView view, boolean atRisk) {
        String person = URLEncoder.encode(view.personId(), StandardCharsets.UTF_8).replace("+", "%20");
        return new CaseDetail(view, atRisk, auditTrailPath.replace("{personId}", person));
    }

    private SleReadModel model(String authorization) {
        return new SleReadModel(instances, new HttpPeerClient(json, authorization));
    }

    private Response answer(String what, java.util.function.Supplier<Object> body) {
        var refused = access.refuseUnlessReader(what);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return Response.ok(body.get()).build();
        } catch (BadFilterException e) {
            return DashboardProblems.badFilter(e);
        } catch (StoresUnavailableException e) {
            return DashboardProblems.unavailable(e);
        }
    }
}
