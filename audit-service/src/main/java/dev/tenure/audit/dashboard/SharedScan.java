package dev.tenure.audit.dashboard;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One scan of the stores shared by the requests that need it at about the same time: while a scan runs, other
 * requests wait for its result instead of starting their own; a finished result serves later requests for up to
 * {@code maxAge}, unless {@link #invalidate()} was called since it began (a change in the stores). Fifty readers then
 * cost one scan, not fifty, and one copy of the cases in the heap, not fifty.
 */
final class SharedScan<T> {

    private final Duration maxAge;
    private final LongSupplier nanoTime;
    private long generation;
    private Snapshot<T> latest;
    private CompletableFuture<T> running;
    private long runningGeneration;

    private record Snapshot<T>(T value, long generation, long startedAt) {
    }

    SharedScan(Duration maxAge, LongSupplier nanoTime) {
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A result no older than the max age and no older than the last change; {@code scan} runs when there is none. */
    T get(Supplier<T> scan) {
        CompletableFuture<T> mine;
        CompletableFuture<T> theirs = null;
        long startedAt;
        long startedGeneration;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (latest != null && latest.generation() == generation && now - latest.startedAt() < maxAge.toNanos()) {
                return latest.value();
            }
            if (running != null && runningGeneration == generation) {
                theirs = running;
                mine = null;
                startedAt = 0;
                startedGeneration = 0;
            } else {
                mine = new CompletableFuture<>();
                running = mine;
                runningGeneration = generation;
                startedAt = now;
                startedGeneration = generation;
            }
        }
        if (theirs != null) {
            return join(theirs);
        }
        try {
            T value = scan.get();
            synchronized (this) {
                if (latest == null || startedGeneration >= latest.generation()) { // never replace a newer one
                    latest = new Snapshot<>(value, startedGeneration, startedAt);
                }
                if (running == mine) {
                    running = null;
                }
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                if (running == mine) {
                    running = null;
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The stores changed: results begun before now are not served again. */
    synchronized void invalidate() {
        generation++;
    }

    private static <T> T join(CompletableFuture<T> scan) {
        try {
            return scan.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoresUnavailableException("interrupted while waiting for a scan of the SLE stores");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
