package dev.tenure.testkit;

import dev.tenure.peers.Lifetime;
import dev.tenure.peers.Ports;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The module's packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe
 * runs) as a process of its own, configured only through its environment, as it runs in production: for restart,
 * kill -9 and broker-outage tests. It runs under the peers' {@code Supervisor}, bound to this JVM, so a killed test
 * run does not leave a service behind. Its output goes to {@code target/<name>.log}.
 */
public final class PackagedService implements AutoCloseable {

    /** Small and quick to start: tests start many services on 2 cores, and none runs long enough for C2. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final SupervisedProcess process;
    private final int port;
    private final URI baseUri;

    private PackagedService(String name, SupervisedProcess process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.baseUri = URI.create("http://127.0.0.1:" + port);
    }

    /** The module folder (failsafe runs in it and names it {@code basedir}). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /**
     * What every service needs against a broker and registry: the addresses and the verification key and issuer of
     * {@link TestTokens}. A mutable map: add the service's own settings.
     */
    public static Map<String, String> environment(String bootstrapServers, String registryUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("TENURE_REGISTRY_URL", registryUrl);
        env.put("TENURE_JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toAbsolutePath().toString());
        env.put("TENURE_JWT_ISSUER", TestTokens.ISSUER);
        return env;
    }

    /** Starts the packaged service on a free loopback port; call {@link #awaitReady} before using it. */
    public static PackagedService start(String name, Map<String, String> environment) {
        return start(name, environment, 0);
    }

    /** Starts it on {@code port} (0 = a free one), e.g. on the port of the instance it replaces. */
    public static PackagedService start(String name, Map<String, String> environment, int port) {
        return start(moduleDir().resolve("target/quarkus-app"), name, environment, port, TEST_JVM_OPTIONS,
                moduleDir(), moduleDir().resolve("target/" + name + ".log"));
    }

    /**
     * Starts the app in {@code appDir} (a {@code target/quarkus-app} folder) with the given JVM options, in
     * {@code workDir}, its output in {@code logFile}: for tools that run a service the way a deployment would
     * (benchmarks), not the way a test does.
     */
    public static PackagedService start(Path appDir, String name, Map<String, String> environment, int port,
                                        List<String> jvmOptions, Path workDir, Path logFile) {
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -B -DskipTests package)");
        }
        int chosen = port == 0 ? Ports.free() : port;
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(chosen));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        // Bound to this JVM but deleting nothing: any data folder is the caller's to keep or throw away.
        SupervisedProcess process = SupervisedProcess.start(name, command, env, workDir, logFile,
                new Lifetime(ProcessHandle.current().pid(), null));
        return new PackagedService(name, process, chosen);
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return port;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails at once, with the log, if the service exits. */
    public PackagedService awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited before it was ready; last lines of " + process.logFile()
                        + ":\n" + lastLogLines(30));
            }
            if (statusOf("/q/health/ready") == 200) {
                return this;
            }
            pause(200);
        }
        throw new AssertionError(name + " not ready in " + timeout.toSeconds() + " s (readiness answers "
                + statusOf("/q/health/ready") + "); last lines of " + process.logFile() + ":\n" + lastLogLines(30));
    }

    /** The status of GET {@code path}, or -1 when nothing answers (not started yet, or gone). */
    public int statusOf(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM to the service's JVM ({@link ProcessHandle#destroy()}), then waits until it has exited. */
    public void terminate() {
        stopServer(false);
    }

    /** SIGKILL to the service's JVM ({@link ProcessHandle#destroyForcibly()}, kill -9), then waits until it is gone. */
    public void kill() {
        stopServer(true);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String lastLogLines(int count) {
        return process.lastLogLines(count);
    }

    /** Stops it, if it still runs (for {@code @AfterEach} and {@code finally}). */
    @Override
    public void close() {
        process.stop(STOP_TIMEOUT);
    }

    private void stopServer(boolean forcibly) {
        ProcessHandle server = process.serverPid().flatMap(ProcessHandle::of)
                .orElseThrow(() -> new AssertionError(name + " is not running"));
        boolean signalled = forcibly ? server.destroyForcibly() : server.destroy();
        if (!signalled) {
            throw new AssertionError("could not signal " + name + " (pid " + server.pid() + ")");
        }
        awaitExit(server, "the service JVM");
        // The supervisor ends with its server.
        ProcessHandle.of(process.pid()).ifPresent(supervisor -> awaitExit(supervisor, "its supervisor"));
    }

    private void awaitExit(ProcessHandle handle, String what) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " of " + name + " (pid " + handle.pid() + ") did not exit within "
                    + STOP_TIMEOUT.toSeconds() + " s; last lines:\n" + lastLogLines(30), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
