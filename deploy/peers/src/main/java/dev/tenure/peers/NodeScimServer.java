package dev.tenure.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real SCIM 2.0 server, as a SaaS application offers one: one of the project's small server files
 * ({@code src/main/resources/dev/tenure/peers/scim/}) run by Node.js on a loopback port with a static bearer token.
 * The tests start them empty and in memory; the local demo starts scimmy with a data file, so its accounts survive
 * a {@code down}/{@code up}. The npm packages they need are installed on first use with {@code npm ci} from the
 * committed lockfile into {@code ~/.cache/tenure/scim-servers/<hash of the lockfile>/} and kept there (later starts
 * take about a second); Node.js and npm are installed from Debian's packages when missing.
 */
public final class NodeScimServer {

    /** The SCIM servers there are. */
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

        /** The SCIM base URL of a server of this kind on {@code port} (no trailing slash). */
        public String baseUrl(int port) {
            return "http://127.0.0.1:" + port + basePath;
        }
    }

    /**
     * How to start one.
     *
     * @param dataFile where scimmy keeps its users and groups between starts; empty = in memory only (Better Auth is
     *                 always in memory)
     */
    public record Settings(Kind kind, int port, String token, Optional<Path> dataFile, Path logFile,
                           Lifetime lifetime) {
    }

    static final List<String> FILES = List.of("package.json", "package-lock.json", "better-auth-server.mjs",
            "scimmy-server.mjs");
    private static final String RESOURCES = "/dev/tenure/peers/scim/";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NodeScimServer() {
    }

    /** Starts the server (installing Node.js and the npm packages first where missing); does not wait for it. */
    public static SupervisedProcess start(String name, Settings settings) {
        Path node = DebianPackages.require("node", "nodejs", "npm");
        Path installed = installedPackages();
        Map<String, String> environment = new HashMap<>(Map.of("PORT", Integer.toString(settings.port()),
                "SCIM_TOKEN", settings.token(), "NODE_ENV", "production"));
        settings.dataFile().ifPresent(file -> environment.put("SCIM_DATA_FILE", file.toAbsolutePath().toString()));
        return SupervisedProcess.start(name, List.of(node.toString(), installed.resolve(settings.kind().script).toString()),
                environment, installed, settings.logFile(), settings.lifetime());
    }

    /** True when something accepts connections on the port (the servers listen only once they are ready). */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The folder with the server files and their {@code node_modules}, installed once per lockfile: a lock file keeps
     * two JVMs from installing into it at the same time, and a marker written last tells a complete install from
     * one cut short.
     */
    public static synchronized Path installedPackages() {
        Path cacheRoot = Path.of(System.getProperty("user.home"), ".cache", "tenure", "scim-servers");
        byte[] lockfile = resource("package-lock.json");
        Path dir = cacheRoot.resolve(sha256(lockfile).substring(0, 16));
        Path marker = dir.resolve(".installed");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(dir.getFileName() + ".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
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
        try (InputStream in = NodeScimServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
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
}
