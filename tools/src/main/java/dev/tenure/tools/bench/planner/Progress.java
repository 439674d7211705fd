package dev.tenure.tools.bench.planner;

/**
 * One look at the service's committed offsets: when ({@link System#nanoTime()}), how many of the benchmark's events
 * it had committed as consumed by then, and the CPU time its JVM had used so far (all threads: the stream thread,
 * the producer, JIT compilers, GC), or -1 when the operating system does not say.
 */
public record Progress(long atNanos, long consumed, long cpuNanos) {

    public Progress(long atNanos, long consumed) {
        this(atNanos, consumed, -1);
    }
}
