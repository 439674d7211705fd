package dev.tenure.access.execution;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The brake, shared by the executor and the operators' API. */
public class ExecutionBeans {

    /**
     * On real time, not the service's (possibly accelerated) clock: the brake is about how fast changes hit the
     * target systems, which a simulated clock does not speed up.
     */
    @Produces
    @Singleton
    MassChangeBrake brake(BrakeConfig config) {
        return new MassChangeBrake(config.threshold(), config.window(), config.steps(), Clock.systemUTC());
    }
}
