package dev.tenure.audit.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service's two Kafka Streams instances (the audit chain and the SLE topology) share one state folder and start
 * at the same moment. Kafka Streams creates the folder with a check-then-mkdirs that fails for the one that loses the
 * race ("base state directory ... doesn't exist and couldn't be created"), so each creates it first, which is safe
 * when both do.
 */
public final class StateDirectory {

    private StateDirectory() {
    }

    /** Creates {@code stateDir} and its parents unless they exist; returns it unchanged for the Streams config. */
    public static String ensure(String stateDir) {
        try {
            Files.createDirectories(Path.of(stateDir));
            return stateDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka Streams state folder " + stateDir + ": "
                    + e.getMessage(), e);
        }
    }
}
