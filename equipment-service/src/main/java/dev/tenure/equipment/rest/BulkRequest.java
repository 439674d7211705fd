package dev.tenure.equipment.rest;

import dev.tenure.equipment.desk.StepRequest;
import java.util.List;

/** Several steps in one request (e.g. a morning's deliveries): all are checked first; one bad, none recorded. */
public record BulkRequest(List<StepRequest> steps) {
}
