package dev.tenure.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a started server to answer, failing early and clearly if it dies on the way. */
public final class Readiness {

    private Readiness() {
    }

    public static void await(SupervisedProcess process, Duration timeout, BooleanSupplier isReady) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new PeerException(process.name() + " exited during start-up; see " + process.logFile()
                        + ". Last lines:\n" + process.lastLogLines(15));
            }
            if (isReady.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PeerException("interrupted while waiting for " + process.name());
            }
        }
        throw new PeerException(process.name() + " was not ready within " + timeout.toSeconds() + " s; see "
                + process.logFile() + ". Last lines:\n" + process.lastLogLines(15));
    }
}
