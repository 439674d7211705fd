package dev.tenure.audit.sle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.testkit.DomainPurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SleArchitectureTest {

    private static final Path SLE_SOURCES = Path.of("src/main/java/dev/tenure/audit/sle");

    @Test
    void shouldKeepTheSleRulesFreeOfKafkaAndQuarkus() {
        assertThat(DomainPurity.violations(SLE_SOURCES)).isEmpty();
    }

    @Test
    void shouldKeepTheSleRulesFreeOfTheWireFormat() throws IOException {
        // The rules read the events in their own words: the Avro classes stay in the streams package
        List<String> imports;
        try (Stream<Path> files = Files.walk(SLE_SOURCES.resolve("domain"))) {
            imports = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(SleArchitectureTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }
        assertThat(imports).isNotEmpty().noneMatch(line -> line.contains("org.apache.avro")
                || line.contains("dev.tenure.schemas") || line.contains("com.fasterxml"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
