package dev.tenure.access.rest;

import dev.tenure.access.execution.CommandExecutionLoop;
import dev.tenure.access.execution.CommandExecutor;
import dev.tenure.access.execution.MassChangeBrake;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What this instance's executor is doing: its partitions, the commands waiting for a retry, and its counts. */
@Path("/api/v1/executor")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutorResource {

    @Inject
    CommandExecutor executor;

    @Inject
    MassChangeBrake brake;

    @Inject
    OperatorAccess access;

    @GET
    public Response status() {
        var refused = access.refuseUnlessReader("read the executor's status");
        if (refused.isPresent()) {
            return refused.get();
        }
        CommandExecutionLoop.Status s = executor.status().orElse(null);
        return Response.ok(new ExecutorView(executor.enabled(), executor.alive(), brake.engaged() ? "ENGAGED" : "RELEASED",
                s == null ? Set.of() : new TreeSet<>(s.partitions()), s == null ? List.of() : s.waiting(),
                s == null ? 0 : s.executed(), s == null ? 0 : s.failed(), s == null ? 0 : s.deadLettered(),
                s == null ? null : s.asOf())).build();
    }

    /** {@code executed} counts outcome events written since start-up, {@code failed} the FAILED ones among them. */
    public record ExecutorView(boolean enabled, boolean alive, String brake, Set<Integer> partitions,
                               List<CommandExecutionLoop.Waiting> waiting, long executed, long failed,
                               long deadLettered, Instant asOf) {
    }
}
