package dev.tenure.access.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manual tasks' domain (the package itself, not its {@code store} subpackage) is plain Java: the JDK, itself and
 * the connector SPI, never Kafka, Avro, Quarkus or CDI.
 */
class ManualPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/tenure/access/manual");

    @Test
    void shouldImportOnlyTheJdkItselfAndTheConnectorSpi() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(SOURCES)) {
            imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(ManualPackageDependenciesTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.substring("import ".length()).replace("static ", ""))
                    .collect(Collectors.toList());
        }

        assertThat(imports).isNotEmpty().allSatisfy(imported -> assertThat(imported)
                .matches("(java\\.|dev\\.tenure\\.access\\.manual\\.[A-Z]|dev\\.tenure\\.access\\.connector\\.).*"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
