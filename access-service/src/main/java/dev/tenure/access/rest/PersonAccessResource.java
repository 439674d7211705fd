package dev.tenure.access.rest;

import dev.tenure.access.holds.LegalHoldPublisher;
import dev.tenure.access.planning.PersonAccess;
import dev.tenure.access.policy.AccessPolicy;
import dev.tenure.access.streams.AccessTopology;
import dev.tenure.schemas.access.LegalHoldChanged;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/** A person's current and planned access; setting and clearing a legal hold. */
@Path("/api/v1/people/{personId}")
public class PersonAccessResource {

    private static final Logger LOG = Logger.getLogger(PersonAccessResource.class);
    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_REASON = 500;

    @Inject
    KafkaStreams streams;

    @Inject
    AccessPolicy policy;

    @Inject
    LegalHoldPublisher holds;

    @Inject
    JsonWebToken caller;

    /** What the hold request says. */
    public record HoldRequest(Boolean hold, String reason) {
    }

    @GET
    @Path("/access")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"helpdesk", "auditor", "operator", "legal"})
    public Response access(@PathParam("personId") String personId) {
        if (!PERSON_ID.matcher(personId).matches()) {
            return Problems.invalid("personId", "must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        PersonAccess state;
        try {
            ReadOnlyKeyValueStore<String, PersonAccess> store = streams.store(StoreQueryParameters.fromNameAndType(
                    AccessTopology.PEOPLE_STORE, QueryableStoreTypes.keyValueStore()));
            state = store.get(personId);
        } catch (InvalidStateStoreException e) {
            return Problems.unavailable("the access state is being restored or rebalanced");
        }
        if (state == null) {
            return Problems.notFound("no lifecycle event for this person has reached access-service");
        }
        return Response.ok(PersonAccessView.of(state, policy)).build();
    }

    @PUT
    @Path("/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"legal", "operator"})
    public Response legalHold(@PathParam("personId") String personId, HoldRequest request) {
        if (!PERSON_ID.matcher(personId).matches()) {
            return Problems.invalid("personId", "must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        if (request == null || request.hold() == null) {
            return Problems.invalid("hold", "is required: true to set the hold, false to clear it");
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON) {
            return Problems.invalid("reason", "is required (the matter or case), at most " + MAX_REASON + " characters");
        }
        try {
            LegalHoldChanged change = holds.publish(personId, request.hold(), request.reason().strip(),
                    caller.getName());
            LOG.infof("legal hold %s by %s", request.hold() ? "set" : "cleared", caller.getName());
            return Response.accepted(Map.of("eventId", change.getEventId(), "personId", personId,
                    "hold", change.getHold(), "recordedAt", change.getOccurredAt().toString())).build();
        } catch (IllegalStateException e) {
            return Problems.unavailable(e.getMessage());
        }
    }
}
