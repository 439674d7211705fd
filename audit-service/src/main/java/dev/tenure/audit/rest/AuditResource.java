package dev.tenure.audit.rest;

import dev.tenure.audit.domain.Evidence;
import dev.tenure.audit.domain.EvidenceBuilder;
import dev.tenure.audit.domain.Verification;
import dev.tenure.audit.evidence.EvidenceCsv;
import dev.tenure.audit.evidence.EvidenceJson;
import dev.tenure.audit.log.AuditLogReader;
import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.schemas.topics.Topics;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The audit log for auditors: its verification, and evidence per person or per period in JSON or CSV with the chain
 * data to re-verify it offline. Both read the log as it is on the broker (committed records, whole), at each call.
 */
@Path("/api/v1/audit")
public class AuditResource {

    static final String CSV = "text/csv";
    private static final Logger LOG = Logger.getLogger(AuditResource.class);

    @Inject
    AuditorAccess access;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tenure.registry.url")
    String registryUrl;

    /** Every chain walked and compared with its latest checkpoint: intact up to record N, or the first finding. */
    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verification() {
        var refused = access.refuseUnlessAuditor("verify the audit log");
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Verification verification = reader().verify(Topics.AUDIT_LOG.name(), Topics.AUDIT_CHECKPOINTS.name());
            return Response.ok(VerificationView.of(verification)).build();
        } catch (KafkaException | IllegalStateException e) {
            return unavailable(e);
        }
    }

    /** A person's audit records: {@code format=json} (default) or {@code csv}. */
    @GET
    @Path("/people/{personId}/evidence")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response personEvidence(@PathParam("personId") String personId, @QueryParam("format") String format) {
        var refused = access.refuseUnlessAuditor("export the evidence of person " + personId);
        if (refused.isPresent()) {
            return refused.get();
        }
        return export("person " + personId, EvidenceBuilder.person(personId), format);
    }

    /** The audit records of events that occurred in [from, to) (ISO-8601 instants): {@code format=json} or {@code csv}. */
    @GET
    @Path("/evidence")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response periodEvidence(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("format") String format) {
        var refused = access.refuseUnlessAuditor("export the evidence of " + from + ".." + to);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant start;
        Instant end;
        try {
            start = Instant.parse(String.valueOf(from));
            end = Instant.parse(String.valueOf(to));
        } catch (DateTimeParseException e) {
            return Problems.of(422, "invalid-period", "from and to must be ISO-8601 instants, e.g. "
                    + "2027-01-01T00:00:00Z; they are " + from + " and " + to);
        }
        if (!start.isBefore(end)) {
            return Problems.of(422, "invalid-period", "from (" + from + ") must be before to (" + to + ")");
        }
        return export("occurredAt " + start + ".." + end, EvidenceBuilder.period(start, end), format);
    }

    private Response export(String scope, Predicate<AuditEntry> inScope, String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            return Problems.of(422, "invalid-format", "format is json or csv, not " + format);
        }
        try {
            AuditLogReader reader = reader();
            Evidence evidence = EvidenceBuilder.build(scope, clock.instant(), reader.readAll(Topics.AUDIT_LOG.name()),
                    reader.checkpoints(Topics.AUDIT_CHECKPOINTS.name()), inScope);
            String file = scope.replaceAll("[^A-Za-z0-9-]+", "-");
            return csv
                    ? Response.ok(EvidenceCsv.write(evidence), CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"audit-evidence-" + file + ".csv\"").build()
                    : Response.ok(EvidenceJson.write(evidence), MediaType.APPLICATION_JSON).build();
        } catch (KafkaException | IllegalStateException e) {
            return unavailable(e);
        }
    }

    private AuditLogReader reader() {
        return new AuditLogReader(bootstrapServers, registryUrl);
    }

    private static Response unavailable(RuntimeException e) {
        LOG.warnf("the audit log could not be read: %s", e.toString());
        return Problems.of(503, "log-unavailable", "the audit log could not be read from the broker: "
                + e.getMessage());
    }
}
