package dev.tenure.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerPerformanceOutputTest {

    @Test
    void shouldReadTheFinalSummaryNotAProgressLine() {
        String output = String.join("\n",
                "WARN some log4j noise",
                "1987654 records sent, 397530.8 records/sec (189.56 MB/sec), 63.2 ms avg latency, 301.0 ms max latency.",
                "2000000 records sent, 413232.6 records/sec (197.04 MB/sec), 71.21 ms avg latency, 420.00 ms max latency, "
                        + "58 ms 50th, 190 ms 95th, 260 ms 99th, 400 ms 99.9th.",
                "");

        ProducerPerformanceOutput.Summary summary = ProducerPerformanceOutput.summary(output).orElseThrow();

        assertThat(summary.records()).isEqualTo(2_000_000L);
        assertThat(summary.recordsPerSecond()).isEqualTo(413232.6);
        assertThat(summary.megabytesPerSecond()).isEqualTo(197.04);
        assertThat(summary.averageLatencyMs()).isEqualTo(71.21);
        assertThat(summary.maxLatencyMs()).isEqualTo(420.0);
        assertThat(summary.line()).endsWith("99.9th.");
    }

    @Test
    void shouldFindNothingWithoutASummary() {
        assertThat(ProducerPerformanceOutput.summary("Exception in thread \"main\" org.apache.kafka...")).isEmpty();
    }

    @Test
    void shouldRunProducerPerformanceWithTheIntakesGuarantees() {
        KafkaBaseline baseline = new KafkaBaseline("localhost:9092", "/opt/kafka/libs/*", System.err);

        List<String> command = baseline.command("tenure-bench-baseline-x", 2_000_000, 500);

        assertThat(command.get(0)).endsWith("java");
        assertThat(command).containsSequence("-cp", "/opt/kafka/libs/*", KafkaBaseline.TOOL)
                .containsSequence("--topic", "tenure-bench-baseline-x")
                .containsSequence("--num-records", "2000000")
                .containsSequence("--record-size", "500")
                .containsSequence("--throughput", "-1")
                .containsSequence("--producer-props", "bootstrap.servers=localhost:9092", "acks=all", "enable.idempotence=true");
    }
}
