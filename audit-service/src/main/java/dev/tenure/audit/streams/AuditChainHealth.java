package dev.tenure.audit.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the chain runs (partitions assigned, heads restored); live unless its Streams died (ERROR). An instance
 * configured without the chain (SLE only) is ready and live as far as the chain goes: it is off on purpose.
 */
public final class AuditChainHealth {

    private AuditChainHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {

        @Inject
        AuditChainStreams chain;

        @Override
        public HealthCheckResponse call() {
            if (!chain.enabled()) {
                return HealthCheckResponse.named("audit chain").up().withData("streams", "DISABLED").build();
            }
            KafkaStreams.State state = chain.state();
            var response = HealthCheckResponse.named("audit chain").status(state == KafkaStreams.State.RUNNING)
                    .withData("streams", state == null ? "NOT_STARTED" : state.name());
            if (chain.problem() != null) {
                response.withData("problem", chain.problem());
            }
            return response.build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {

        @Inject
        AuditChainStreams chain;

        @Override
        public HealthCheckResponse call() {
            if (!chain.enabled()) {
                return HealthCheckResponse.named("audit chain").up().withData("streams", "DISABLED").build();
            }
            KafkaStreams.State state = chain.state();
            return HealthCheckResponse.named("audit chain").status(state != KafkaStreams.State.ERROR)
                    .withData("streams", state == null ? "NOT_STARTED" : state.name()).build();
        }
    }
}
