package dev.tenure.equipment.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the streams run (state restored, partitions assigned): the per-person view and the queue answer from
 * complete state. Live unless the streams died (ERROR): waiting for the broker or the topics is not dead.
 */
public final class StreamsHealth {

    private StreamsHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {

        @Inject
        KafkaStreams streams;

        @Override
        public HealthCheckResponse call() {
            KafkaStreams.State state = streams.state();
            return HealthCheckResponse.named("equipment state").status(state == KafkaStreams.State.RUNNING)
                    .withData("streams", state.name()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {

        @Inject
        KafkaStreams streams;

        @Override
        public HealthCheckResponse call() {
            KafkaStreams.State state = streams.state();
            return HealthCheckResponse.named("equipment streams").status(state != KafkaStreams.State.ERROR)
                    .withData("streams", state.name()).build();
        }
    }
}
