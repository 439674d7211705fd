package dev.tenure.tools.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsumerPerformanceOutputTest {

    @Test
    void shouldReadTheSummaryUnderItsHeader() {
        // As Kafka 4.1.1's ConsumerPerformance printed it on this machine
        String output = String.join("\n",
                "[2026-11-22 06:31:20,100] WARN some log line",
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, "
                        + "fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "2026-11-22 06:31:21:305, 2026-11-22 06:31:22:862, 3.4818, 2.2362, 10000, 6422.6076, 1185, 372, 9.3597, 26881.7204",
                "");

        ConsumerPerformanceOutput.Summary summary = ConsumerPerformanceOutput.summary(output).orElseThrow();

        assertThat(summary.records()).isEqualTo(10_000);
        assertThat(summary.megabytes()).isEqualTo(3.4818);
        assertThat(summary.recordsPerSecond()).isEqualTo(6422.6076);
        assertThat(summary.rebalanceMs()).isEqualTo(1185);
        assertThat(summary.fetchMs()).isEqualTo(372);
        assertThat(summary.fetchRecordsPerSecond()).isEqualTo(26881.7204);
        assertThat(summary.line()).startsWith("2026-11-22 06:31:21:305");
    }

    @Test
    void shouldFindNothingWithoutASummary() {
        assertThat(ConsumerPerformanceOutput.summary("Exception in thread \"main\" joptsimple.OptionException")).isEmpty();
        assertThat(ConsumerPerformanceOutput.summary("start.time, end.time, nMsg.sec\n1, 2")).isEmpty();
    }
}
