package dev.tenure.equipment.streams;

/** Told of every deskside step the topology applied, so an HTTP request waiting for it can answer. */
@FunctionalInterface
public interface StepOutcomeListener {

    StepOutcomeListener NONE = outcome -> {
    };

    void applied(StepOutcome outcome);
}
