package dev.tenure.equipment.messaging;

import dev.tenure.equipment.streams.StepOutcome;
import dev.tenure.equipment.streams.StepOutcomeListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The HTTP requests waiting for their deskside steps to be applied: the topology tells this registry of every step
 * it applied (in this instance), and the waiting request answers with the outcome.
 */
@ApplicationScoped
public class StepOutcomes implements StepOutcomeListener {

    private final ConcurrentMap<String, CompletableFuture<StepOutcome>> waiting = new ConcurrentHashMap<>();

    /** Call before publishing the step, so its outcome cannot come first. */
    public CompletableFuture<StepOutcome> expect(String stepId) {
        return waiting.computeIfAbsent(stepId, id -> new CompletableFuture<>());
    }

    public void forget(String stepId) {
        waiting.remove(stepId);
    }

    @Override
    public void applied(StepOutcome outcome) {
        CompletableFuture<StepOutcome> waiter = waiting.remove(outcome.stepId());
        if (waiter != null) {
            waiter.complete(outcome);
        }
    }
}
