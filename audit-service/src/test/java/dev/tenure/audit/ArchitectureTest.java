package dev.tenure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.testkit.DomainPurity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepTheDomainFreeOfKafkaAndQuarkus() {
        assertThat(DomainPurity.violations(Path.of("src/main/java"))).isEmpty();
    }
}
