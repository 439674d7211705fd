package dev.tenure.equipment.desk;

import dev.tenure.equipment.domain.DesksideStep;
import dev.tenure.equipment.streams.StepOutcome;

/** A step as submitted and what the topology made of it. */
public record RecordedStep(DesksideStep step, StepOutcome outcome) {
}
