package dev.tenure.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void shouldTakeNearestRankPercentiles() {
        long[] oneToHundred = new long[100];
        for (int i = 0; i < 100; i++) {
            oneToHundred[i] = i + 1;
        }

        assertThat(LatencyRecorder.percentile(oneToHundred, 50)).isEqualTo(50);
        assertThat(LatencyRecorder.percentile(oneToHundred, 90)).isEqualTo(90);
        assertThat(LatencyRecorder.percentile(oneToHundred, 99)).isEqualTo(99);
        assertThat(LatencyRecorder.percentile(oneToHundred, 99.5)).isEqualTo(100);
        assertThat(LatencyRecorder.percentile(oneToHundred, 100)).isEqualTo(100);
        assertThat(LatencyRecorder.percentile(oneToHundred, 0)).isEqualTo(1);
        assertThat(LatencyRecorder.percentile(oneToHundred, 0.5)).isEqualTo(1);
        assertThat(LatencyRecorder.percentile(oneToHundred, 1)).isEqualTo(1);
    }

    @Test
    void shouldNotBeFooledByBinaryRounding() {
        long[] thousand = new long[1000];
        for (int i = 0; i < 1000; i++) {
            thousand[i] = i + 1;
        }

        assertThat(LatencyRecorder.percentile(thousand, 99.9)).isEqualTo(999);
        assertThat(LatencyRecorder.percentile(thousand, 99)).isEqualTo(990);
        assertThat(LatencyRecorder.percentile(new long[] {5, 7, 9}, 50)).isEqualTo(7);
        assertThat(LatencyRecorder.percentile(new long[] {42}, 99)).isEqualTo(42);
    }

    @Test
    void shouldSummariseValuesRecordedInAnyOrder() {
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= 1000; v++) {
            values.add(v * 1_000_000);
        }
        Collections.shuffle(values, new Random(1));
        LatencyRecorder recorder = new LatencyRecorder();
        values.forEach(recorder::record);

        LatencySummary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isEqualTo(500_000_000L);
        assertThat(summary.p90()).isEqualTo(900_000_000L);
        assertThat(summary.p99()).isEqualTo(990_000_000L);
        assertThat(summary.p999()).isEqualTo(999_000_000L);
        assertThat(summary.max()).isEqualTo(1_000_000_000L);
        assertThat(summary.mean()).isEqualTo(500_500_000.0);
        assertThat(LatencySummary.millis(summary.p50())).isEqualTo(500.0);
    }

    @Test
    void shouldRecordFromManyThreads() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    recorder.record(i);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(recorder.count()).isEqualTo(40_000);
        assertThat(recorder.summary().max()).isEqualTo(9_999);
    }

    @Test
    void shouldRejectWhatHasNoPercentile() {
        assertThat(new LatencyRecorder().summary()).isEqualTo(LatencySummary.EMPTY);
        assertThatThrownBy(() -> LatencyRecorder.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyRecorder.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyRecorder().record(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
