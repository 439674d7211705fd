package dev.tenure.tools.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerReportTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldRenderTheRateTheTargetAndTheRatioToKafka() {
        ConsumptionRate rate = new ConsumptionRate(100_000, new Progress(10 * SECOND, 4_000, 20 * SECOND),
                new Progress(14 * SECOND, 100_000, 26 * SECOND));
        ConsumerPerformanceOutput.Summary kafka = new ConsumerPerformanceOutput.Summary(100_000, 34.8, 60_000, 1_200, 400,
                250_000, "2026-11-22 06:31:21:305, ...");

        String md = PlannerReport.render(result(Optional.of(rate), "all 100000 events committed", Optional.of(kafka)));

        assertThat(md).contains("| measure | setting | result |")
                .contains("**24,000 events/s** (96,000 events in 4.00 s)")
                .contains("| against the target | ≥ 20,000 events/s | **met** (120 % of the target) |")
                .contains("commit interval 100 ms, offsets read every 50 ms, JVM `-Xms32m -Xmx512m -XX:+UseSerialGC`")
                .contains("| service CPU per event | all the JVM's threads, same window | 63 µs (1.50 cores in use on average; "
                        + "16,000 events per CPU-second) |")
                .contains("| start-up to first progress | JVM start, Quarkus, group join, first fetch and commit | 9.50 s |")
                .contains("460,000 (4.60 per event)")
                .contains("**250,000 records/s** excluding the group join (60,000 records/s with the join's 1,200 ms)")
                .contains("| ratio planner ÷ Kafka | events/s ÷ records/s excluding the join | 0.0960 (9.60 %, 1 : 10) |")
                .contains("* event mix: JOINER 70,000, MOVER 30,000");
        assertThat(md.lines().filter(line -> line.startsWith("|")))
                .allSatisfy(line -> assertThat(line.chars().filter(c -> c == '|').count()).isEqualTo(4));
    }

    @Test
    void shouldSayWhyARunDidNotCompleteAndLeaveOutWhatWasSkipped() {
        PlannerBenchResult failed = result(Optional.empty(), "the service exited", Optional.empty());
        failed = new PlannerBenchResult(failed.startedAt(), failed.bootstrapServers(), failed.topic(), failed.partitions(),
                failed.events(), failed.warmUpEvents(), failed.mix(), failed.feedStart(), failed.writeSeconds(), failed.applicationId(), failed.jvmOptions(),
                failed.commitInterval(), failed.pollInterval(), Double.NaN, failed.rate(), failed.coldRate(), failed.stoppedBecause(), 0,
                failed.target(), failed.kafka());

        String md = PlannerReport.render(failed);

        assertThat(md).contains("**not completed**: the service exited")
                .contains("| start-up to first progress | JVM start, Quarkus, group join, first fetch and commit | no progress |")
                .doesNotContain("against the target").doesNotContain("ratio").doesNotContain("ConsumerPerformance");
    }

    private static PlannerBenchResult result(Optional<ConsumptionRate> rate, String stoppedBecause,
                                             Optional<ConsumerPerformanceOutput.Summary> kafka) {
        Map<String, Long> mix = new LinkedHashMap<>();
        mix.put("JOINER", 70_000L);
        mix.put("MOVER", 30_000L);
        return new PlannerBenchResult(Instant.parse("2026-11-22T06:00:00Z"), "127.0.0.1:9092", "hr-lifecycle-events", 6, 100_000,
                0, mix, LocalDate.of(2025, 11, 22), 7.5, "tenure-bench-planner-abc", List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC"),
                Optional.of(Duration.ofMillis(100)), Duration.ofMillis(50), 9.5, rate, Optional.empty(), stoppedBecause, 460_000, 20_000, kafka);
    }
}
