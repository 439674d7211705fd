package dev.tenure.equipment.rest;

import dev.tenure.equipment.desk.BulkRefusedException;
import dev.tenure.equipment.desk.DesksideSteps;
import dev.tenure.equipment.desk.RecordedStep;
import dev.tenure.equipment.desk.StepRefusedException;
import dev.tenure.equipment.desk.StepRequest;
import dev.tenure.equipment.desk.StepTimeoutException;
import dev.tenure.equipment.domain.DesksideWork;
import dev.tenure.equipment.domain.PersonEquipment;
import dev.tenure.equipment.messaging.BrokerUnavailableException;
import dev.tenure.equipment.streams.EquipmentState;
import dev.tenure.equipment.streams.StateUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The deskside API: the queue of due work, a person's equipment, and the steps deskside records. */
@Path("/api/v1/equipment")
@Tag(name = "Equipment")
@SecurityRequirement(name = "jwt")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class EquipmentResource {

    @Inject
    Caller caller;

    @Inject
    EquipmentState state;

    @Inject
    DesksideSteps steps;

    @Inject
    Clock clock;

    @GET
    @Path("/people/{personId}")
    @Operation(summary = "A person's equipment", description = "Every item line the person ever had (a rehire adds "
            + "new ones), its state, asset, due date, next deskside step and full history. Roles: deskside, auditor.")
    @APIResponse(responseCode = "404", description = "No equipment is known for the person")
    public Views.PersonView person(@PathParam("personId") String personId) throws Caller.ForbiddenProblem,
            StateUnavailableException, StepRefusedException {
        caller.requireReader();
        PersonEquipment person = state.person(personId).orElseThrow(() -> new StepRefusedException(404,
                "unknown-person", "no equipment is known for person " + personId));
        return Views.PersonView.of(person);
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Due deskside work", description = "Items whose next step is deskside's (assign, prepare, "
            + "ship, confirm delivery, collect, wipe, redeploy or retire), soonest due first, overdue ones marked. "
            + "Roles: deskside, auditor.")
    public Views.QueueView queue(@QueryParam("site") String site, @QueryParam("dueBefore") String dueBefore)
            throws Caller.ForbiddenProblem, StateUnavailableException, StepRefusedException {
        caller.requireReader();
        Instant before = instant(dueBefore, "dueBefore");
        Instant now = clock.instant();
        List<Views.TaskView> tasks = DesksideWork.queue(state.everyone(), blankToNull(site), before, now).stream()
                .map(Views.TaskView::of).toList();
        return new Views.QueueView(blankToNull(site), before, now, tasks.size(), tasks);
    }

    @GET
    @Path("/sites")
    @Operation(summary = "Sites with open deskside work", description = "Roles: deskside, auditor.")
    public List<Views.SiteView> sites() throws Caller.ForbiddenProblem, StateUnavailableException {
        caller.requireReader();
        Map<String, int[]> counts = new TreeMap<>();
        for (DesksideWork.Task task : DesksideWork.queue(state.everyone(), null, null, clock.instant())) {
            int[] count = counts.computeIfAbsent(task.site() == null ? "" : task.site(), s -> new int[2]);
            count[0]++;
            count[1] += task.overdue() ? 1 : 0;
        }
        return counts.entrySet().stream().map(e -> new Views.SiteView(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    @POST
    @Path("/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a deskside step", description = "Name the item by personId + itemId, or by the "
            + "assetTag it carries. Assigning (or preparing an item with no asset yet) needs assetTag and "
            + "serialNumber. Answered once the step is applied and its events published. Role: deskside.")
    @APIResponse(responseCode = "200", description = "Recorded: the events published and the item afterwards")
    @APIResponse(responseCode = "404", description = "Unknown person, item or asset tag; nothing recorded")
    @APIResponse(responseCode = "409", description = "The item's state or asset does not allow it; nothing recorded")
    @APIResponse(responseCode = "422", description = "The request is incomplete or names no deskside step")
    @APIResponse(responseCode = "503", description = "The state or the event log is not available; retry")
    public Views.StepView record(StepRequest request) throws Caller.ForbiddenProblem, StepRefusedException,
            StateUnavailableException, BrokerUnavailableException, StepTimeoutException {
        caller.requireDeskside();
        RecordedStep recorded = steps.record(request, caller.name());
        if (recorded.outcome().rejection().isPresent()) {
            throw StepRefusedException.of(recorded.outcome().rejection().get());
        }
        return Views.StepView.of(recorded);
    }

    @POST
    @Path("/steps/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record several deskside steps", description = "Every step is checked first, each against "
            + "the state the steps before it leave; if any cannot be recorded, the answer is 422 listing each refused "
            + "step (steps[i]) and none is recorded. Role: deskside.")
    public Views.BulkView recordAll(BulkRequest request) throws Caller.ForbiddenProblem, BulkRefusedException,
            StepRefusedException, StateUnavailableException, BrokerUnavailableException, StepTimeoutException {
        caller.requireDeskside();
        List<Views.StepView> recorded = steps.recordAll(request == null ? null : request.steps(), caller.name())
                .stream().map(Views.StepView::of).toList();
        long refused = recorded.stream().filter(step -> step.status().equals("refused")).count();
        return new Views.BulkView((int) (recorded.size() - refused), (int) refused, recorded);
    }

    private static Instant instant(String text, String name) throws StepRefusedException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new StepRefusedException(422, "invalid-request", name + ": '" + text
                    + "' is not an instant such as 2027-03-15T00:00:00Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
