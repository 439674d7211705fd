package dev.tenure.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The policy is domain code: it may use SnakeYAML, never Kafka, Quarkus, CDI or another Tenure package. */
class PolicyPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/tenure/access/policy");

    @Test
    void shouldImportOnlyTheJdkAndSnakeYaml() throws IOException {
        // Given every import of the package's sources
        List<String> imports;
        try (Stream<Path> files = Files.list(SOURCES)) {
            imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(PolicyPackageDependenciesTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.substring("import ".length()).replace("static ", ""))
                    .collect(Collectors.toList());
        }

        // When / Then
        assertThat(imports).isNotEmpty().allSatisfy(imported -> assertThat(imported)
                .matches("(java\\.|org\\.yaml\\.snakeyaml\\.|dev\\.tenure\\.access\\.policy\\.).*"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
