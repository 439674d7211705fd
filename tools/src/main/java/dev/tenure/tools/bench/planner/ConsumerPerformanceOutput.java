package dev.tenure.tools.bench.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ConsumerPerformance's output: a header line and one line of values, comma-separated,
 * {@code start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
 * fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}. {@code nMsg.sec} counts the group's join (rebalance) time in its
 * elapsed time; {@code fetch.nMsg.sec} does not.
 */
public final class ConsumerPerformanceOutput {

    private ConsumerPerformanceOutput() {
    }

    /** The summary in {@code output}, if it has one. */
    public static Optional<Summary> summary(String output) {
        List<String> lines = output.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("start.time") && lines.get(i).contains("nMsg.sec")) {
                String[] names = lines.get(i).split("\\s*,\\s*");
                String[] values = lines.get(i + 1).split("\\s*,\\s*");
                if (values.length != names.length) {
                    return Optional.empty();
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < names.length; c++) {
                    row.put(names[c], values[c]);
                }
                try {
                    return Optional.of(new Summary(Long.parseLong(row.get("data.consumed.in.nMsg")),
                            Double.parseDouble(row.get("data.consumed.in.MB")), Double.parseDouble(row.get("nMsg.sec")),
                            Long.parseLong(row.get("rebalance.time.ms")), Long.parseLong(row.get("fetch.time.ms")),
                            Double.parseDouble(row.get("fetch.nMsg.sec")), lines.get(i + 1)));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The numbers of the summary. */
    public record Summary(long records, double megabytes, double recordsPerSecond, long rebalanceMs, long fetchMs,
                          double fetchRecordsPerSecond, String line) {
    }
}
