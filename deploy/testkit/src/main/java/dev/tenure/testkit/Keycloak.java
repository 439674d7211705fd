package dev.tenure.testkit;

import dev.tenure.peers.Folders;
import dev.tenure.peers.JavaRuntimes;
import dev.tenure.peers.KeycloakServer;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real Keycloak, the identity provider, for the identity-provider connector's tests: a {@link KeycloakServer} from
 * the distribution unpacked once into {@code ~/.cache/tenure/keycloak/<version>/}, on free loopback ports, with an
 * in-memory database and a bootstrap admin made for the run. {@link #shared()} starts one per test JVM, stopped
 * (with the JVM {@code kc.sh} forks) however the test JVM ends.
 */
public final class Keycloak {

    private static final String SHARED_PROPERTY = "tenure.testkit.keycloak.shared";
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "tenure", "keycloak");

    private static KeycloakServer shared;

    private Keycloak() {
    }

    /**
     * The Keycloak of this test JVM, started on first use and stopped when the JVM ends. A Quarkus test loads the test
     * kit in a class loader of its own: the first start is written down in a system property (JVM-wide), so every class
     * loader's {@code shared()} finds the same server instead of starting another.
     */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = attachToShared().orElse(null);
        }
        if (shared == null) {
            shared = start();
            System.setProperty(SHARED_PROPERTY, String.join(" ", shared.version(), Integer.toString(shared.port()),
                    Integer.toString(shared.managementPort()), shared.adminPassword()));
        }
        return shared;
    }

    /** The server another class loader of this JVM started, if it still answers; closing it is left to that one. */
    private static Optional<KeycloakServer> attachToShared() {
        String recorded = System.getProperty(SHARED_PROPERTY);
        if (recorded == null) {
            return Optional.empty();
        }
        String[] parts = recorded.split(" ");
        KeycloakServer attached = KeycloakServer.attach(parts[0], Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), parts[3]);
        return attached.ready() ? Optional.of(attached) : Optional.empty();
    }

    /** Starts a new Keycloak (unpacking the distribution first if this machine has not yet); close it when done. */
    public static KeycloakServer start() {
        KeycloakServer.Distribution distribution = KeycloakServer.Distribution.fromBuild(System.getenv());
        Path home = distribution.unpackedInto(CACHE);
        Path java = JavaRuntimes.javaOfAtLeast(KeycloakServer.MINIMUM_JAVA, "Keycloak", System.getenv());
        TenurePeers.removeLeftoversOfDeadRuns();
        Path workDir = createWorkDir();
        KeycloakServer server = KeycloakServer.start("keycloak", distribution.version(), new KeycloakServer.Settings(
                home, java, Ports.free(), Ports.free(), KeycloakServer.randomSecret(), false, workDir,
                workDir.resolve("keycloak.log"), Lifetime.boundToThisJvm(workDir)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            Folders.deleteRecursively(workDir);
        }, "keycloak-stop"));
        return server;
    }

    private static Path createWorkDir() {
        try {
            Files.createDirectories(TenurePeers.WORK_ROOT);
            return Files.createTempDirectory(TenurePeers.WORK_ROOT, ProcessHandle.current().pid() + "-keycloak-");
        } catch (IOException e) {
            throw new PeerException("cannot create a work folder under " + TenurePeers.WORK_ROOT + ": "
                    + e.getMessage(), e);
        }
    }
}
