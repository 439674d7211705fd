package dev.tenure.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service as deployed: its packaged app ({@code quarkus-run.jar}) in a JVM of its own, configured through the
 * environment as the launcher configures it (the benchmarks add what makes a run a fresh one). Its CPU time is read
 * from the operating system.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How the service is started: where from, where its files go, and what it is told. */
    public record Settings(String name, Path app, List<String> jvmOptions, Path workDir, Path logFile, Map<String, String> environment) {
    }

    private final Process process;
    private final Path logFile;

    private ServiceProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * What the launcher tells every service: the broker, the registry, HTTP on loopback at {@code httpPort}, and the
     * key it verifies tokens with. A benchmark adds what makes its run a fresh one (the map can be added to).
     */
    public static Map<String, String> launcherEnvironment(String bootstrapServers, String registryUrl, int httpPort,
                                                          Path publicKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("TENURE_REGISTRY_URL", registryUrl);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("TENURE_JWT_PUBLIC_KEY", publicKey.toAbsolutePath().toString());
        return env;
    }

    public static ServiceProcess start(Settings settings) {
        Path runJar = settings.app().resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runJar)) {
            throw new IllegalStateException(settings.name() + " is not built: " + runJar
                    + " is missing (./mvnw -B -o -pl " + settings.name() + " -am -DskipTests package)");
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
            return new ServiceProcess(builder.start(), settings.logFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + settings.name() + ": " + e.getMessage(), e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the service's JVM has used so far (all its threads), or -1 when the operating system does not say. */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    public Path logFile() {
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
