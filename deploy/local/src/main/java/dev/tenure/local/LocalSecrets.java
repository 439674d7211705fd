package dev.tenure.local;

import dev.tenure.peers.KeycloakServer;
import dev.tenure.peers.PeerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The deployment's generated secrets, one file each in {@code keys/}: made on first use, readable by their owner. */
final class LocalSecrets {

    private LocalSecrets() {
    }

    /** The secret in {@code keys/<name>}, made now if there is none yet. */
    static String get(Path dataDir, String name) {
        Path file = dataDir.resolve("keys").resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, KeycloakServer.randomSecret());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new PeerException("cannot read or write the secret " + file + ": " + e.getMessage(), e);
        }
    }
}
