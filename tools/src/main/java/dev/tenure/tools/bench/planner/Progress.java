package dev.tenure.tools.bench.planner;

/**
 * One look at the service's committed offsets: when ({@link System#nanoTime()}) and how many of the benchmark's
 * events it had committed as consumed by then.
 */
public record Progress(long atNanos, long consumed) {
}
