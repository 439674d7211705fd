package dev.tenure.local;

import dev.tenure.peers.Lifetime;
import dev.tenure.peers.NodeScimServer;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's SaaS application: a real SCIM 2.0 server (scimmy, run by Node.js) standing for the example policy's
 * Slack workspace (entitlement {@code slack}, target {@code slack}), with its users and groups kept in
 * {@code scim-app/data.json} and its bearer token in {@code keys/scim-app-token}, both made on the first {@code up}.
 */
final class LocalScimApp {

    static final String NAME = "scim-app";
    /** The policy target the demo's SCIM application serves (access-policy.yaml, entitlement {@code slack}). */
    static final String TARGET = "slack";
    private static final NodeScimServer.Kind KIND = NodeScimServer.Kind.SCIMMY;

    private final Path dataDir;
    private final int port;

    LocalScimApp(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    SupervisedProcess start(Path logFile) {
        Path folder = dataDir.resolve(NAME);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PeerException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        return NodeScimServer.start(NAME, new NodeScimServer.Settings(KIND, port, token(),
                Optional.of(folder.resolve("data.json")), logFile, Lifetime.detached()));
    }

    boolean answers() {
        return NodeScimServer.accepts(port);
    }

    String baseUrl() {
        return KIND.baseUrl(port);
    }

    /** What access-service needs to provision the application (README, "Configuration"). */
    Map<String, String> accessServiceEnvironment() {
        String prefix = "TENURE_ACCESS_SCIM_APPS__" + TARGET.toUpperCase() + "__";
        return Map.of(prefix + "BASE_URL", baseUrl(), prefix + "TOKEN", token());
    }

    /** The bearer token of this deployment's SCIM application. */
    private String token() {
        return LocalSecrets.get(dataDir, "scim-app-token");
    }
}
