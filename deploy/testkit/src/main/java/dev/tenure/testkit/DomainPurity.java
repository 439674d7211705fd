package dev.tenure.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The architecture rule of every service: code under a {@code domain} package is plain Java —
 * it never imports Kafka, Quarkus, Jakarta, MicroProfile, SmallRye, Vert.x or the Apicurio serdes —
 * so the rules of the business can be read, tested and changed without the plumbing.
 */
public final class DomainPurity {

    public static final List<String> FORBIDDEN_PREFIXES = List.of("org.apache.kafka", "io.quarkus", "jakarta.",
            "javax.ws", "javax.inject", "org.eclipse.microprofile", "io.smallrye", "io.vertx", "io.apicurio");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    private DomainPurity() {
    }

    /** The forbidden imports found under {@code sourceRoot}'s domain packages, as "File.java: import". */
    public static List<String> violations(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> sourceRoot.relativize(f).toString().contains("/domain/"))
                    .flatMap(DomainPurity::forbiddenImports)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> forbiddenImports(Path file) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            Stream.Builder<String> found = Stream.builder();
            while (m.find()) {
                String imported = m.group(1);
                if (FORBIDDEN_PREFIXES.stream().anyMatch(imported::startsWith)) {
                    found.add(file.getFileName() + ": " + imported);
                }
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
