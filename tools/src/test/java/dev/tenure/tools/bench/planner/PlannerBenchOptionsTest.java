package dev.tenure.tools.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.tools.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlannerBenchOptionsTest {

    @Test
    void shouldDefaultToTheLocalDeploymentAndTheLaunchersJvm() {
        PlannerBenchOptions options = PlannerBenchOptions.parse(new String[0]);

        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.registryUrl()).isEqualTo("http://127.0.0.1:8085/apis/registry/v3");
        assertThat(options.events()).isEqualTo(100_000);
        assertThat(options.warmUpEvents()).isEqualTo(300_000);
        assertThat(options.accessApp()).isEqualTo(Path.of("access-service/target/quarkus-app"));
        assertThat(options.accessJvmOptions()).containsExactly("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC");
        assertThat(options.commitInterval()).contains(Duration.ofMillis(100));
        assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(options.target()).isEqualTo(20_000);
        assertThat(options.kafkaWarmUpRuns()).isEqualTo(1);
        assertThat(options.skipKafka()).isFalse();
        assertThat(options.publicKey()).isEmpty();
        assertThat(options.jfr()).isEmpty();
    }

    @Test
    void shouldReadEveryOption() {
        PlannerBenchOptions options = PlannerBenchOptions.parse(new String[] {"--bootstrap", "k:19092", "--registry", "http://r/apis",
                "--events", "20_000", "--warmup-events", "0", "--access-app", "/opt/access", "--access-jvm-options", "-Xmx1g  -XX:+UseParallelGC",
                "--access-port", "9999", "--public-key", "keys/public-key.pem", "--commit-interval", "1s", "--poll", "20ms",
                "--timeout", "2m", "--feed-start", "2025-01-01", "--target", "5000", "--kafka-warmup-runs", "0", "--skip-kafka",
                "--keep", "--jfr", "p.jfr", "--out", "r.md"});

        assertThat(options.events()).isEqualTo(20_000);
        assertThat(options.warmUpEvents()).isZero();
        assertThat(options.accessJvmOptions()).containsExactly("-Xmx1g", "-XX:+UseParallelGC");
        assertThat(options.accessPort()).isEqualTo(9999);
        assertThat(options.publicKey()).contains(Path.of("keys/public-key.pem"));
        assertThat(options.commitInterval()).contains(Duration.ofSeconds(1));
        assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.feedStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(options.target()).isEqualTo(5000);
        assertThat(options.kafkaWarmUpRuns()).isZero();
        assertThat(options.skipKafka()).isTrue();
        assertThat(options.keep()).isTrue();
        assertThat(options.jfr()).contains(Path.of("p.jfr"));
        assertThat(options.out()).contains(Path.of("r.md"));
    }

    @Test
    void shouldLeaveTheServicesOwnCommitIntervalWhenAsked() {
        assertThat(PlannerBenchOptions.parse(new String[] {"--commit-interval", "service"}).commitInterval()).isEmpty();
    }

    @Test
    void shouldRejectNonsense() {
        assertThatThrownBy(() -> PlannerBenchOptions.parse(new String[] {"--events", "0"})).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PlannerBenchOptions.parse(new String[] {"--poll", "0ms"})).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PlannerBenchOptions.parse(new String[] {"--event", "5"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--events");
    }
}
