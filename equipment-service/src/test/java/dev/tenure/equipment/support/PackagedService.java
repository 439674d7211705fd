package dev.tenure.equipment.support;

import dev.tenure.peers.Lifetime;
import dev.tenure.peers.Ports;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe runs)
 * as a process of its own, configured only through its environment, as it runs in production. It runs under the
 * peers' {@code Supervisor}, bound to this JVM: a test run that is killed does not leave a service behind. Its output
 * goes to {@code target/<name>.log}.
 */
public final class PackagedService implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final SupervisedProcess process;
    private final URI baseUri;

    private PackagedService(String name, SupervisedProcess process, URI baseUri) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
    }

    /** The module folder (failsafe runs in it and names it {@code basedir}). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /**
     * What the service needs to run against a broker and registry: the addresses, the test key pair's public half
     * and issuer (so {@link Tokens} are accepted), its Kafka Streams application id (its consumer group and the
     * prefix of its changelogs) and the folder of its local state.
     */
    public static Map<String, String> environment(String bootstrapServers, String registryUrl, String applicationId,
                                                  Path stateDir) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("TENURE_REGISTRY_URL", registryUrl);
        env.put("TENURE_JWT_PUBLIC_KEY", Tokens.publicKeyFile().toAbsolutePath().toString());
        env.put("TENURE_JWT_ISSUER", Tokens.ISSUER);
        env.put("TENURE_EQUIPMENT_APPLICATION_ID", applicationId);
        env.put("TENURE_EQUIPMENT_STATE_DIR", stateDir.toAbsolutePath().toString());
        return env;
    }

    /** Starts the packaged service on a free loopback port; call {@link #awaitReady} before using it. */
    public static PackagedService start(String name, Map<String, String> environment) {
        Path jar = moduleDir().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: failsafe runs after package, run ./mvnw verify");
        }
        int port = Ports.free();
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Path log = moduleDir().resolve("target/" + name + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        // Bound to this JVM but deleting nothing: its state folder is the test's to keep or throw away.
        SupervisedProcess process = SupervisedProcess.start(name, command, env, moduleDir(), log,
                new Lifetime(ProcessHandle.current().pid(), null));
        return new PackagedService(name, process, URI.create("http://127.0.0.1:" + port));
    }

    public URI baseUri() {
        return baseUri;
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
        int status = statusOf("/q/health/ready");
        throw new AssertionError(name + " not ready in " + timeout.toSeconds() + " s (readiness answers " + status
                + "); last lines of " + process.logFile() + ":\n" + lastLogLines(30));
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

    /** The status of GET {@code path}, or -1 when nothing answers (not started yet, or gone). */
    private int statusOf(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(baseUri.resolve(path))
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
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
