package dev.tenure.tools.bench.planner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * access-service as deployed: its packaged app ({@code quarkus-run.jar}) in a JVM of its own, configured through the
 * environment as the launcher configures it, plus what makes a run a fresh, planner-only one: a new application
 * id and state folder (so it starts from nothing), the executor off (nothing is carried out, the benchmark is the
 * planner's), and optionally a shorter commit interval (its committed offsets are what the benchmark watches).
 */
final class AccessServiceProcess implements AutoCloseable {

    /** How the service is started: where from, where its files go, and what it is told. */
    record Settings(Path app, List<String> jvmOptions, Path workDir, Path logFile, Map<String, String> environment) {
    }

    private final Process process;
    private final Path logFile;

    private AccessServiceProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /** The environment for one benchmark run of the service. */
    static Map<String, String> environment(String bootstrapServers, String registryUrl, int httpPort, Path publicKey,
                                           String applicationId, Path stateDir, Optional<Duration> commitInterval) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("TENURE_REGISTRY_URL", registryUrl);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("TENURE_JWT_PUBLIC_KEY", publicKey.toAbsolutePath().toString());
        env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", applicationId);
        env.put("TENURE_ACCESS_STATE_DIR", stateDir.toAbsolutePath().toString());
        env.put("TENURE_ACCESS_EXECUTOR_ENABLED", "false");
        commitInterval.ifPresent(interval -> env.put("KAFKA_STREAMS_COMMIT_INTERVAL_MS", Long.toString(interval.toMillis())));
        return env;
    }

    static AccessServiceProcess start(Settings settings) {
        Path runJar = settings.app().resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runJar)) {
            throw new IllegalStateException("access-service is not built: " + runJar
                    + " is missing (./mvnw -B -o -pl access-service -am -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.add("-jar");
        command.add(runJar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(settings.logFile().toFile());
        builder.environment().putAll(settings.environment());
        try {
            return new AccessServiceProcess(builder.start(), settings.logFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start access-service: " + e.getMessage(), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the service's JVM has used so far (all its threads), or -1 when the operating system does not say. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    Path logFile() {
        return logFile;
    }

    /** Stops the service gracefully (SIGTERM: Streams closes, a JFR recording is written), by force after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
