package dev.tenure.tools.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessServiceProcessTest {

    @Test
    void shouldStartAFreshPlannerOnlyServiceConfiguredAsTheLauncherDoes() {
        Map<String, String> env = AccessServiceProcess.environment("127.0.0.1:9092", "http://127.0.0.1:8085/apis/registry/v3",
                18092, Path.of("/run/keys/public-key.pem"), "tenure-bench-planner-abc", Path.of("/run/state"),
                Optional.of(Duration.ofMillis(100)));

        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("TENURE_REGISTRY_URL", "http://127.0.0.1:8085/apis/registry/v3")
                .containsEntry("QUARKUS_HTTP_PORT", "18092")
                .containsEntry("TENURE_JWT_PUBLIC_KEY", "/run/keys/public-key.pem")
                .containsEntry("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "tenure-bench-planner-abc")
                .containsEntry("TENURE_ACCESS_STATE_DIR", "/run/state")
                .containsEntry("TENURE_ACCESS_EXECUTOR_ENABLED", "false")
                .containsEntry("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "100");
    }

    @Test
    void shouldKeepTheServicesOwnCommitIntervalWhenNoneIsGiven() {
        Map<String, String> env = AccessServiceProcess.environment("k:9092", "http://r", 1, Path.of("/k.pem"), "a",
                Path.of("/s"), Optional.empty());

        assertThat(env).doesNotContainKey("KAFKA_STREAMS_COMMIT_INTERVAL_MS");
    }
}
