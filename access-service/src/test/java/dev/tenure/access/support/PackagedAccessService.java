package dev.tenure.access.support;

import dev.tenure.peers.Lifetime;
import dev.tenure.peers.Ports;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged access-service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe
 * runs) as a process of its own, configured only through its environment, as in production — so a test can
 * {@code kill -9} it and start it again. Bound to this JVM by the peers' supervisor; output in
 * {@code target/<name>.log}. (As hr-events-service's PackagedService.)
 */
public final class PackagedAccessService implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final SupervisedProcess process;
    private final URI baseUri;

    private PackagedAccessService(String name, SupervisedProcess process, URI baseUri) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
    }

    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** Starts the packaged service on {@code port} (0 = a free one); call {@link #awaitReady} before using it. */
    public static PackagedAccessService start(String name, Map<String, String> environment, int port) {
        Path jar = moduleDir().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: failsafe runs after package, run ./mvnw verify");
        }
        int chosen = port == 0 ? Ports.free() : port;
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(chosen));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Path log = moduleDir().resolve("target/" + name + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        SupervisedProcess process = SupervisedProcess.start(name, command, env, moduleDir(), log,
                new Lifetime(ProcessHandle.current().pid(), null));
        return new PackagedAccessService(name, process, URI.create("http://127.0.0.1:" + chosen));
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails at once, with the log, if the service exits. */
    public PackagedAccessService awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited before it was ready:\n" + process.lastLogLines(40));
            }
            if (status("/q/health/ready") == 200) {
                return this;
            }
            pause(200);
        }
        throw new AssertionError(name + " not ready in " + timeout + ":\n" + process.lastLogLines(40));
    }

    /** SIGKILL to the service's JVM (kill -9), then waits until it and its supervisor are gone. */
    public void kill() {
        ProcessHandle server = process.serverPid().flatMap(ProcessHandle::of)
                .orElseThrow(() -> new AssertionError(name + " is not running"));
        server.destroyForcibly();
        awaitExit(server);
        ProcessHandle.of(process.pid()).ifPresent(PackagedAccessService::awaitExit);
    }

    public String lastLogLines(int count) {
        return process.lastLogLines(count);
    }

    @Override
    public void close() {
        process.stop(STOP_TIMEOUT);
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("pid " + handle.pid() + " did not exit within " + STOP_TIMEOUT, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
