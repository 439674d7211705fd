package dev.tenure.tools.bench.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code EndToEndLatency} on the same broker: one record at a time, produced (acks=all) and consumed
 * back, the floor of one hop through Kafka on this machine. A termination crosses three such hops (intake →
 * {@code hr-lifecycle-events} → planner → {@code access-commands} → executor → directory).
 */
final class KafkaEndToEndLatency {

    static final String TOOL = "org.apache.kafka.tools.EndToEndLatency";
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)");

    /** Kafka's figures, in milliseconds, and the line they came from. */
    record Summary(int records, double averageMs, double p50Ms, double p99Ms, double p999Ms) {
    }

    private KafkaEndToEndLatency() {
    }

    static Summary run(String kafkaClasspath, String bootstrapServers, int records) throws IOException,
            InterruptedException {
        String topic = "tenure-bench-e2e-" + System.currentTimeMillis();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", kafkaClasspath, TOOL, bootstrapServers, topic, Integer.toString(records), "all", "200");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(TOOL + " failed:\n" + output);
        }
        return parse(records, output).orElseThrow(() -> new IllegalStateException("no latency figures in the output of "
                + TOOL + ":\n" + output));
    }

    static Optional<Summary> parse(int records, String output) {
        Matcher average = AVERAGE.matcher(output);
        Matcher percentiles = PERCENTILES.matcher(output);
        if (!average.find() || !percentiles.find()) {
            return Optional.empty();
        }
        return Optional.of(new Summary(records, Double.parseDouble(average.group(1)),
                Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)),
                Double.parseDouble(percentiles.group(3))));
    }
}
