package dev.tenure.access.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when the executor's thread has died (a restart is the cure). An engaged brake is not a health problem — the
 * service is doing what it should — so it only shows in the data here, and at /api/v1/brake.
 */
@Liveness
@ApplicationScoped
public class ExecutorLiveness implements HealthCheck {

    public static final String NAME = "access-service executor";

    @Inject
    CommandExecutor executor;

    @Inject
    MassChangeBrake brake;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("enabled", executor.enabled())
                .withData("brake", brake.engaged() ? "ENGAGED" : "RELEASED");
        if (executor.alive()) {
            return response.up().build();
        }
        return response.down()
                .withData("error", executor.deathCause().map(Throwable::toString).orElse("the executor thread ended"))
                .build();
    }
}
