package dev.tenure.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the real servers' files are: the Kafka broker jars and the unpacked Apicurio Registry,
 * both put in place by the {@code deploy/distributions} module of the build. The environment
 * variables {@code TENURE_KAFKA_LIBS} and {@code TENURE_APICURIO_HOME} point elsewhere.
 */
public record PeerDistributions(Path kafkaLibs, String kafkaVersion, Path apicurioHome) {

    private static final String HOW_TO_GET_THEM =
            "build them with: ./mvnw -q -pl deploy/distributions generate-resources";

    public static PeerDistributions fromBuild() {
        return fromBuild(System.getenv());
    }

    public static PeerDistributions fromBuild(Map<String, String> env) {
        Properties built = new Properties();
        try (InputStream in = PeerDistributions.class.getResourceAsStream("/tenure-peers.properties")) {
            if (in == null) {
                throw new PeerException("tenure-peers.properties is missing from the classpath; " + HOW_TO_GET_THEM);
            }
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PeerDistributions(
                Path.of(env.getOrDefault("TENURE_KAFKA_LIBS", built.getProperty("kafka.libs"))),
                built.getProperty("kafka.version"),
                Path.of(env.getOrDefault("TENURE_APICURIO_HOME", built.getProperty("apicurio.home"))));
    }

    /** The broker's class path; fails with what to do when the jars are not there. */
    public String kafkaClasspath() {
        if (!Files.isRegularFile(kafkaLibs.resolve("kafka_2.13-" + kafkaVersion + ".jar"))) {
            throw new PeerException("Kafka broker jars not found in " + kafkaLibs + "; " + HOW_TO_GET_THEM
                    + " (or set TENURE_KAFKA_LIBS)");
        }
        return kafkaLibs.toAbsolutePath() + "/*";
    }

    public Path apicurioRunJar() {
        Path jar = apicurioHome.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new PeerException("Apicurio Registry not found at " + jar + "; " + HOW_TO_GET_THEM
                    + " (or set TENURE_APICURIO_HOME)");
        }
        return jar;
    }
}
