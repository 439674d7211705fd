package dev.tenure.tools.bench;

/** Latency percentiles of one run, in nanoseconds. */
public record LatencySummary(int count, long p50, long p90, long p99, long p999, long max, double mean) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

    public static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
