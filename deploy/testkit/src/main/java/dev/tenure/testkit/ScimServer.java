package dev.tenure.testkit;

import dev.tenure.peers.Folders;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.NodeScimServer;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.Ports;
import dev.tenure.peers.Readiness;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A real SCIM 2.0 server, as a SaaS application offers one, for the SCIM connector's tests: a {@link NodeScimServer}
 * on a free loopback port, empty and in memory, with a bearer token made for the run. Each {@link #start} starts a new
 * server; it runs under a {@link dev.tenure.peers.Supervisor} and ends with the test JVM however that ends.
 */
public final class ScimServer implements AutoCloseable {

    /** The SCIM servers the kit can start. */
    public enum Kind {
        /** Better Auth 1.7 with its SCIM plugin: an existing product's endpoint (no etag, sort or bulk). */
        BETTER_AUTH(NodeScimServer.Kind.BETTER_AUTH),
        /** scimmy + scimmy-routers on express: a strict SCIM engine with storage in the server file. */
        SCIMMY(NodeScimServer.Kind.SCIMMY);

        private final NodeScimServer.Kind server;

        Kind(NodeScimServer.Kind server) {
            this.server = server;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Kind kind;
    private final Path workDir;
    private final int port;
    private final String token;
    private SupervisedProcess process;

    private ScimServer(Kind kind, Path workDir, int port, String token) {
        this.kind = kind;
        this.workDir = workDir;
        this.port = port;
        this.token = token;
    }

    /** Starts a new, empty server of this kind (installing its npm packages first if this machine has none yet). */
    public static ScimServer start(Kind kind) {
        TenurePeers.removeLeftoversOfDeadRuns();
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        ScimServer server = new ScimServer(kind, createWorkDir(kind), Ports.free(), HexFormat.of().formatHex(secret));
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "scim-server-stop"));
            server.process = NodeScimServer.start("scim-" + kind.name().toLowerCase(), new NodeScimServer.Settings(
                    kind.server, server.port, server.token, Optional.empty(), server.workDir.resolve("server.log"),
                    Lifetime.boundToThisJvm(server.workDir)));
            Readiness.await(server.process, START_TIMEOUT, () -> NodeScimServer.accepts(server.port));
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The SCIM base URL, e.g. {@code http://127.0.0.1:40123/scim/v2} (no trailing slash). */
    public String baseUrl() {
        return kind.server.baseUrl(port);
    }

    public int port() {
        return port;
    }

    /** The bearer token the server accepts (and the only one). */
    public String token() {
        return token;
    }

    /** The server's output, for a failing test's message. */
    public String lastLogLines(int count) {
        return process == null ? "(not running)" : process.lastLogLines(count);
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
        Folders.deleteRecursively(workDir);
    }

    private static Path createWorkDir(Kind kind) {
        try {
            Files.createDirectories(TenurePeers.WORK_ROOT);
            return Files.createTempDirectory(TenurePeers.WORK_ROOT, ProcessHandle.current().pid() + "-scim-"
                    + kind.name().toLowerCase() + "-");
        } catch (IOException e) {
            throw new PeerException("cannot create a work folder under " + TenurePeers.WORK_ROOT + ": "
                    + e.getMessage(), e);
        }
    }
}
