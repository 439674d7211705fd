package dev.tenure.access.rest;

import dev.tenure.access.execution.DeadLetterIndex.CommandSummary;
import dev.tenure.access.execution.DeadLetterIndex.Letter;
import dev.tenure.access.execution.DeadLetterIndex.Replay;
import dev.tenure.access.execution.DeadLetters;
import dev.tenure.access.execution.DeadLetters.NotReadyException;
import dev.tenure.access.execution.DeadLetters.PublishException;
import dev.tenure.access.execution.DeadLetters.ReplayResult;
import dev.tenure.access.execution.ExecutionKafka;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The executor's dead letters: the commands it could not carry out, with the reason, and their replay to
 * {@code access-commands} by an operator once the cause is fixed. A letter is named by its position on the dead-letter
 * topic, {@code {partition}/{offset}}.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    OperatorAccess access;

    /** Every letter, in topic order; {@code replayed=false} for those not replayed yet, {@code true} for the others. */
    @GET
    public Response list(@QueryParam("replayed") Boolean replayed) {
        var refused = access.refuseUnlessReader("list dead letters");
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            List<LetterView> letters = deadLetters.list().stream()
                    .filter(l -> replayed == null || replayed == !l.replays().isEmpty())
                    .map(LetterView::of).toList();
            return Response.ok(new LetterList(ExecutionKafka.DEAD_LETTER_TOPIC, letters.size(), letters)).build();
        } catch (NotReadyException e) {
            return notReady(e);
        }
    }

    @GET
    @Path("/{partition}/{offset}")
    public Response one(@PathParam("partition") int partition, @PathParam("offset") long offset) {
        var refused = access.refuseUnlessReader("read dead letters");
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return deadLetters.find(partition, offset).map(l -> Response.ok(LetterView.of(l)).build())
                    .orElseGet(() -> notFound(partition, offset));
        } catch (NotReadyException e) {
            return notReady(e);
        }
    }

    /**
     * Republishes the letter's original record to access-commands. Refused (409) if it was replayed before and
     * (422) if its value is no readable command, unless {@code force=true}.
     */
    @POST
    @Path("/{partition}/{offset}/replay")
    @Consumes(MediaType.WILDCARD)
    public Response replay(@PathParam("partition") int partition, @PathParam("offset") long offset,
                           @QueryParam("force") @DefaultValue("false") boolean force, String body) {
        var refused = access.refuseUnlessOperator("replay dead letters");
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonBody.Result reason = JsonBody.reason(body);
        if (reason.refusal().isPresent()) {
            return reason.refusal().get();
        }
        ReplayResult result;
        try {
            result = deadLetters.replay(partition, offset, access.name(), reason.reason(), force);
        } catch (NotReadyException e) {
            return notReady(e);
        } catch (PublishException e) {
            return Problems.unavailable("The broker did not take the replayed command; nothing was replayed. Retry later.");
        }
        if (result.refusal().isPresent()) {
            switch (result.refusal().get()) {
                case NOT_FOUND:
                    return notFound(partition, offset);
                case ALREADY_REPLAYED:
                    Replay last = result.letter().get().replays().get(result.letter().get().replays().size() - 1);
                    return Problems.of(409, "already-replayed", "Dead letter " + partition + "/" + offset
                            + " was replayed by " + last.by() + " at " + last.at() + " to " + last.replayedTo()
                            + ". Add ?force=true to replay it again.");
                default:
                    return Problems.of(422, "unreadable-letter", "Dead letter " + partition + "/" + offset
                            + " holds no readable command (" + result.letter().get().reason()
                            + "); replayed, it would be dead-lettered again. Add ?force=true to replay it anyway.");
            }
        }
        return Response.ok(new ReplayView(result.replayedTo().orElse(null), result.recorded(),
                result.letter().map(LetterView::of).orElse(null))).build();
    }

    private static Response notFound(int partition, long offset) {
        return Problems.notFound("There is no dead letter at " + partition + "/" + offset + " of "
                + ExecutionKafka.DEAD_LETTER_TOPIC + ".");
    }

    private static Response notReady(NotReadyException e) {
        return Problems.unavailable("The dead letters are not available yet: " + e.getMessage() + ".");
    }

    public record LetterList(String topic, int count, List<LetterView> letters) {
    }

    public record ReplayView(String replayedTo, boolean recorded, LetterView letter) {
    }

    /** One letter; {@code command} is null when the value is no readable command. */
    public record LetterView(String id, int partition, long offset, String reason, Instant failedAt, int attempts,
                             Source source, CommandSummary command, boolean readable, List<Replay> replays) {

        static LetterView of(Letter l) {
            return new LetterView(l.id(), l.partition(), l.offset(), l.reason(), l.failedAt().orElse(null),
                    l.attempts(), new Source(l.sourceTopic(), l.sourcePartition().orElse(null),
                    l.sourceOffset().orElse(null)), l.command().orElse(null), l.command().isPresent(), l.replays());
        }
    }

    public record Source(String topic, Integer partition, Long offset) {
    }
}
