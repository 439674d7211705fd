package dev.tenure.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FixedRateLoadTest {

    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        answers.shutdownNow();
    }

    @Test
    void shouldSendOnScheduleAndMeasureOnlyAfterTheWarmUp() throws Exception {
        // Given a service that accepts everything at once
        FixedRateLoad.Plan plan = new FixedRateLoad.Plan(200, Duration.ofMillis(250), Duration.ofMillis(500), 100);
        CopyOnWriteArrayList<Long> requested = new CopyOnWriteArrayList<>();

        // When the plan runs
        long started = System.nanoTime();
        LoadResult result = new FixedRateLoad(plan, i -> {
            requested.add(i);
            return CompletableFuture.completedFuture(response(202));
        }).run(Duration.ofSeconds(5));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        // Then it sent 150 requests over about 0.75 s and measured the last 100
        assertThat(plan.totalRequests()).isEqualTo(150);
        assertThat(requested).hasSize(150).startsWith(0L, 1L, 2L).endsWith(149L);
        assertThat(elapsedMillis).isBetween(700L, 3000L);
        assertThat(result.scheduled()).isEqualTo(100);
        assertThat(result.accepted()).isEqualTo(100);
        assertThat(result.statusCounts()).isEqualTo(Map.of(202, 100L));
        assertThat(result.latency().count()).isEqualTo(100);
        assertThat(result.acceptedPerSecond()).isBetween(150.0, 201.0);
        assertThat(result.samples()).isEmpty();
    }

    @Test
    void shouldChargeAStallToEveryRequestThatWasDueDuringIt() throws Exception {
        // Given a service that answers nothing during the first 450 ms, then everything
        FixedRateLoad.Plan plan = new FixedRateLoad.Plan(100, Duration.ZERO, Duration.ofMillis(600), 1000);
        CompletableFuture<Void> stall = new CompletableFuture<>();
        answers.schedule(() -> stall.complete(null), 450, TimeUnit.MILLISECONDS);

        LoadResult result = new FixedRateLoad(plan, i -> stall.thenApply(ignored -> response(202)))
                .run(Duration.ofSeconds(5));

        // Then the first request (due 50 ms after the run began) waited about 400 ms, and the two thirds of the
        // requests that fell due during the stall each waited from their due time: the median is about 100 ms,
        // where a closed loop (one request, then the next) would have recorded one slow request and 59 fast ones
        assertThat(result.accepted()).isEqualTo(60);
        assertThat(LatencySummary.millis(result.latency().max())).isBetween(350.0, 1500.0);
        assertThat(LatencySummary.millis(result.latency().p50())).isBetween(50.0, 400.0);
    }

    @Test
    void shouldCountRefusalsAndFailuresWithASampleOfEach() throws Exception {
        FixedRateLoad.Plan plan = new FixedRateLoad.Plan(200, Duration.ZERO, Duration.ofMillis(200), 100);
        int[] n = {0};

        LoadResult result = new FixedRateLoad(plan, index -> {
            int i = n[0]++;
            if (i % 4 == 0) {
                return CompletableFuture.failedFuture(new ConnectException("Connection refused"));
            }
            return CompletableFuture.completedFuture(response(i % 4 == 1 ? 400 : 202));
        }).run(Duration.ofSeconds(5));

        assertThat(result.scheduled()).isEqualTo(40);
        assertThat(result.failures()).isEqualTo(10);
        assertThat(result.statusCounts()).containsEntry(400, 10L).containsEntry(202, 20L);
        assertThat(result.samples()).containsKeys("failure", "HTTP 400");
        assertThat(result.samples().get("HTTP 400")).contains("bad row");
        assertThat(result.samples().get("failure")).contains("Connection refused");
    }

    private static HttpAnswer response(int status) {
        return new HttpAnswer(status, status == 202 ? "{\"eventId\":\"x\"}" : "{\"title\":\"bad row\",\n \"status\":" + status + "}");
    }
}
