package dev.tenure.tools.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ProducerPerformance's output. Its progress lines and its final summary share a shape,
 * {@code 2000000 records sent, 413232.6 records/sec (197.04 MB/sec), 71.21 ms avg latency, 420.00 ms max latency...};
 * the summary is the last one and is the only one with the percentiles ({@code ms 50th, ... ms 99.9th}).
 */
public final class ProducerPerformanceOutput {

    private static final Pattern LINE = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency(.*)");

    private ProducerPerformanceOutput() {
    }

    /** The summary found in {@code output}. */
    public static Optional<Summary> summary(String output) {
        Summary last = null;
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line.trim());
            if (m.matches() && m.group(6).contains("99.9th")) {
                last = new Summary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), line.trim());
            }
        }
        return Optional.ofNullable(last);
    }

    /** The numbers of a summary line. */
    public record Summary(long records, double recordsPerSecond, double megabytesPerSecond, double averageLatencyMs,
                          double maxLatencyMs, String line) {
    }
}
