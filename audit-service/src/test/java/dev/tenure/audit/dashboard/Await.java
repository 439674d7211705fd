package dev.tenure.audit.dashboard;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a check passes (the topology is asynchronous); the last failure is the test's failure. */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, Runnable check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
    }

    static <T> T value(Duration timeout, Supplier<T> read, java.util.function.Consumer<T> check)
            throws InterruptedException {
        Object[] last = new Object[1];
        until(timeout, () -> {
            T value = read.get();
            check.accept(value);
            last[0] = value;
        });
        @SuppressWarnings("unchecked")
        T result = (T) last[0];
        return result;
    }
}
