package dev.tenure.access.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waiting in a test for what the service does on its own time: polled every 200 ms for up to 60 s. */
public final class Eventually {

    private Eventually() {
    }

    /** The probe's value once {@code done} holds for it; an AssertionError naming {@code what} after 60 s. */
    public static <T> T await(String what, Callable<Optional<T>> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Optional<T> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = probe.call();
            if (last.isPresent() && done.test(last.get())) {
                return last.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " did not come within 60 s; last seen: " + last);
    }
}
