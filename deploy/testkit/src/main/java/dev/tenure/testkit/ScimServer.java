package dev.tenure.testkit;

import dev.tenure.peers.Folders;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.Ports;
import dev.tenure.peers.Readiness;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real SCIM 2.0 server, as a SaaS application offers one, for the SCIM connector's tests: one of the project's small
 * server files ({@code src/main/resources/dev/tenure/testkit/scim/}) run by Node.js on a free loopback port, in
 * memory, with a static bearer token made for the run. The npm packages they need are installed on first use with
 * {@code npm ci} from the committed lockfile into {@code ~/.cache/tenure/scim-servers/<hash of the lockfile>/} and
 * kept there (later runs start in about a second). Each {@link #start} starts a new server; it runs under a
 * {@link dev.tenure.peers.Supervisor} and ends with the test JVM however that ends.
 */
public final class ScimServer implements AutoCloseable {

    /** The SCIM servers the kit can start. */
    public enum Kind {
        /** Better Auth 1.7 with its SCIM plugin: an existing product's endpoint (no etag, sort or bulk). */
        BETTER_AUTH("better-auth-server.mjs", "/api/auth/scim/v2"),
        /** scimmy + scimmy-routers on express: a strict SCIM engine with storage in the server file. */
        SCIMMY("scimmy-server.mjs", "/scim/v2");

        private final String script;
        private final String basePath;

        Kind(String script, String basePath) {
            this.script = script;
            this.basePath = basePath;
        }
    }

    static final List<String> FILES = List.of("package.json", "package-lock.json", "better-auth-server.mjs",
            "scimmy-server.mjs");
    private static final String RESOURCES = "/dev/tenure/testkit/scim/";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

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
        Path node = DebianPackages.require("node", "nodejs", "npm");
        Path installed = installedPackages();
        TenurePeers.removeLeftoversOfDeadRuns();
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        ScimServer server = new ScimServer(kind, createWorkDir(kind), Ports.free(), HexFormat.of().formatHex(secret));
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "scim-server-stop"));
            List<String> command = List.of(node.toString(), installed.resolve(kind.script).toString());
            server.process = SupervisedProcess.start("scim-" + kind.name().toLowerCase(), command,
                    Map.of("PORT", Integer.toString(server.port), "SCIM_TOKEN", server.token,
                            "NODE_ENV", "production"),
                    installed, server.workDir.resolve("server.log"), Lifetime.boundToThisJvm(server.workDir));
            Readiness.await(server.process, START_TIMEOUT, () -> OpenLdapDirectory.accepts(server.port));
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
        return "http://127.0.0.1:" + port + kind.basePath;
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

    /**
     * The folder with the server files and their {@code node_modules}, installed once per lockfile: a lock file keeps
     * two test JVMs from installing into it at the same time, and a marker written last tells a complete install from
     * one cut short.
     */
    static synchronized Path installedPackages() {
        Path cacheRoot = Path.of(System.getProperty("user.home"), ".cache", "tenure", "scim-servers");
        byte[] lockfile = resource("package-lock.json");
        Path dir = cacheRoot.resolve(sha256(lockfile).substring(0, 16));
        Path marker = dir.resolve(".installed");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                for (String file : FILES) { // the server files are refreshed each time: they may change without the lockfile
                    Files.write(dir.resolve(file), resource(file));
                }
                if (!Files.exists(marker)) {
                    Path npm = DebianPackages.require("npm", "npm");
                    long begun = System.nanoTime();
                    Commands.run(List.of(npm.toString(), "ci", "--legacy-peer-deps", "--no-audit", "--no-fund",
                            "--loglevel=error"), dir, INSTALL_TIMEOUT);
                    Files.writeString(marker, "installed in " + (System.nanoTime() - begun) / 1_000_000 + " ms\n");
                }
            }
            return dir;
        } catch (IOException e) {
            throw new PeerException("cannot prepare the SCIM servers in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ScimServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test-kit resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
