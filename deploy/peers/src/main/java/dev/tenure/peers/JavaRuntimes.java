package dev.tenure.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version. The Apicurio Registry server is built
 * for Java 21, while Tenure itself builds and runs on 17: so the registry may need another JVM
 * than the one running us. Looked at in order: {@code TENURE_REGISTRY_JAVA_HOME}, {@code JAVA_HOME},
 * the running JVM, then every JDK in the system's JVM folder (newest first).
 */
public final class JavaRuntimes {

    public static final Path SYSTEM_JVM_FOLDER = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaRuntimes() {
    }

    /** The {@code java} executable of a runtime of at least {@code minimumFeature}, for the Apicurio Registry. */
    public static Path javaOfAtLeast(int minimumFeature, Map<String, String> env) {
        return javaOfAtLeast(minimumFeature, "Apicurio Registry", env);
    }

    /** The {@code java} executable of a runtime of at least {@code minimumFeature}; {@code server} names who needs it. */
    public static Path javaOfAtLeast(int minimumFeature, String server, Map<String, String> env) {
        List<Path> looked = candidates(env);
        return looked.stream()
                .filter(home -> featureVersion(home).orElse(0) >= minimumFeature)
                .map(home -> home.resolve("bin/java"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new PeerException(server + " needs a Java " + minimumFeature
                        + "+ runtime and none was found (looked at " + looked + "); install a JDK "
                        + minimumFeature + "+ and set TENURE_REGISTRY_JAVA_HOME to its folder"));
    }

    static List<Path> candidates(Map<String, String> env) {
        if (env.containsKey("TENURE_REGISTRY_JAVA_HOME")) {
            // An explicit choice is the only candidate: never silently run something else.
            return List.of(Path.of(env.get("TENURE_REGISTRY_JAVA_HOME")));
        }
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(env.get("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        if (Files.isDirectory(SYSTEM_JVM_FOLDER)) {
            try (Stream<Path> jvms = Files.list(SYSTEM_JVM_FOLDER)) {
                jvms.filter(Files::isDirectory)
                        .sorted((a, b) -> featureVersion(b).orElse(0) - featureVersion(a).orElse(0))
                        .forEach(homes::add);
            } catch (IOException e) {
                // an unreadable folder just means no candidates from it
            }
        }
        return homes.stream().distinct().toList();
    }

    /** The feature version (17, 21, 25...) from a runtime's {@code release} file. */
    static Optional<Integer> featureVersion(Path javaHome) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
