package dev.tenure.local;

import dev.tenure.peers.JavaRuntimes;
import dev.tenure.peers.KeycloakServer;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.SupervisedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's identity provider, when asked for ({@code --idp true}): a real Keycloak with its own unpacked copy and
 * file database under {@code keycloak/} in the data folder, a realm {@value #REALM} with the connector's client, and
 * the bootstrap admin's password and the client's secret in {@code keys/}. Off by default: its first start builds
 * Keycloak for a minute or two and it needs ~500 MB, which would take the demo's start well past 30 s.
 */
final class LocalIdentityProvider {

    static final String NAME = "keycloak";
    static final String REALM = "tenure";
    /** The policy target the demo's identity provider serves (access-policy.yaml, entitlement {@code mfa}). */
    static final String TARGET = "idp";

    private final Path dataDir;
    private final int port;
    private final int managementPort;
    private final Map<String, String> env;

    LocalIdentityProvider(Path dataDir, int port, int managementPort, Map<String, String> env) {
        this.dataDir = dataDir;
        this.port = port;
        this.managementPort = managementPort;
        this.env = env;
    }

    /** What must hold before anything starts: the distribution is there (or unpacked) and a Java 21+ runtime. */
    void check() {
        KeycloakServer.Distribution distribution = KeycloakServer.Distribution.fromBuild(env);
        if (!Files.isRegularFile(distribution.zip()) && !Files.isDirectory(folder().resolve(distribution.version()))) {
            distribution.unpackedInto(folder()); // fails saying where the zip should be and how to get it
        }
        JavaRuntimes.javaOfAtLeast(KeycloakServer.MINIMUM_JAVA, "Keycloak", env);
    }

    /** Starts it, waits until it is ready, and makes the realm the first time. */
    SupervisedProcess start(Path logFile) {
        KeycloakServer.Distribution distribution = KeycloakServer.Distribution.fromBuild(env);
        Path home = distribution.unpackedInto(folder());
        KeycloakServer server = KeycloakServer.start(NAME, distribution.version(), new KeycloakServer.Settings(home,
                JavaRuntimes.javaOfAtLeast(KeycloakServer.MINIMUM_JAVA, "Keycloak", env), port, managementPort,
                LocalSecrets.get(dataDir, "idp-admin-password"), true, folder(), logFile, Lifetime.detached()));
        ensureRealm();
        return server.process();
    }

    boolean answers() {
        return server().ready();
    }

    /** The realm and its connector client, unless an earlier {@code up} made them. */
    void ensureRealm() {
        KeycloakServer server = server();
        if (!server.hasRealm(REALM)) {
            server.createRealm(REALM, LocalSecrets.get(dataDir, "idp-client-secret"));
        }
    }

    String baseUrl() {
        return server().baseUrl();
    }

    /** What access-service needs to use it (access-service README, "Configuration"). */
    Map<String, String> accessServiceEnvironment() {
        return Map.of(
                "TENURE_ACCESS_IDP_BASE_URL", baseUrl(),
                "TENURE_ACCESS_IDP_REALM", REALM,
                "TENURE_ACCESS_IDP_CLIENT_ID", KeycloakServer.CONNECTOR_CLIENT,
                "TENURE_ACCESS_IDP_CLIENT_SECRET", LocalSecrets.get(dataDir, "idp-client-secret"));
    }

    private KeycloakServer server() {
        return KeycloakServer.attach("", port, managementPort, LocalSecrets.get(dataDir, "idp-admin-password"));
    }

    private Path folder() {
        return dataDir.resolve(NAME);
    }
}
