package dev.tenure.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void shouldRenderATableWithTheRatiosToKafka() {
        LoadResult single = new LoadResult(500, Duration.ofSeconds(10), Duration.ofSeconds(30), 15_000, 14_990,
                Map.of(202, 14_990L, 503, 10L), 0, 499.5, new LatencySummary(15_000, 3_200_000, 5_100_000, 12_300_000,
                20_000_000, 45_600_000, 3_900_000), 1_000_000, Map.of("HTTP 503", "{\"title\":\"broker unavailable\"}"));
        List<ImportResult> imports = List.of(new ImportResult(20_000, 4_800_000, 202, 3.2, ""),
                new ImportResult(100_000, 24_000_000, 413, 0.4, "Request Entity Too Large"));
        BaselineResult kafka = new BaselineResult("tenure-bench-baseline-x", 6, 1, 2_000_000, 500,
                "acks=all enable.idempotence=true linger.ms=5 compression.type=none", 413_232.6, 197.04, 71.2, 420, "2000000 records sent, ...");

        String md = MarkdownReport.render(new MarkdownReport.Results(Instant.parse("2026-11-22T01:00:00Z"), "http://localhost:8091",
                "localhost:9092", "hr-lifecycle-events", new KafkaBaseline.TopicShape(6, 1, true), "ABC234", single, imports, kafka));

        assertThat(md).contains("| measure | setting | result |")
                .contains("**499.5 accepted events/s** (14,990 of 15,000 answered 202)")
                .contains("p50 3.20 ms · p90 5.10 ms · p99 12.3 ms · max 45.6 ms")
                .contains("**6,250 rows/s** (3.20 s, HTTP 202)")
                .contains("not accepted: HTTP 413")
                .contains("**413,233 records/s**")
                .contains("| ratio intake ÷ Kafka | single events/s ÷ records/s | 0.0012 (0.12 %, 1 : 827) |")
                .contains("| ratio intake ÷ Kafka | CSV 20,000 rows/s ÷ records/s | 0.0151 (1.51 %")
                .contains("* single events: 10 answered HTTP 503")
                .contains("`hr-lifecycle-events`: 6 partitions, replication 1");
        assertThat(md.lines().filter(line -> line.startsWith("|")))
                .allSatisfy(line -> assertThat(line.chars().filter(c -> c == '|').count()).isEqualTo(4));
    }

    @Test
    void shouldLeaveOutWhatWasSkipped() {
        String md = MarkdownReport.render(new MarkdownReport.Results(Instant.EPOCH, "http://x", "k:9092", "hr-lifecycle-events",
                null, "T", null, List.of(new ImportResult(1000, 1000, 202, 0.5, "")), null));

        assertThat(md).contains("**2,000 rows/s**").doesNotContain("ratio").doesNotContain("p50").doesNotContain("Kafka `");
    }
}
