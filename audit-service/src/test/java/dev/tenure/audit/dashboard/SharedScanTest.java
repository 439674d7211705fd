package dev.tenure.audit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedScanTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SharedScan<Integer> scan = new SharedScan<>(Duration.ofSeconds(2), nanos::get);
    private final AtomicInteger scans = new AtomicInteger();

    private Integer count() {
        return scans.incrementAndGet();
    }

    @Test
    void shouldServeARecentResultUntilItIsTooOld() {
        assertThat(scan.get(this::count)).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(scan.get(this::count)).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(scan.get(this::count)).isEqualTo(2);
    }

    @Test
    void shouldScanAgainAfterAChange() {
        assertThat(scan.get(this::count)).isEqualTo(1);
        scan.invalidate();
        assertThat(scan.get(this::count)).isEqualTo(2);
        assertThat(scan.get(this::count)).isEqualTo(2);
    }

    @Test
    void shouldLetConcurrentReadersShareOneRunningScan() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Integer> first = pool.submit(() -> scan.get(() -> {
                started.countDown();
                await(release);
                return count();
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> scan.get(this::count)));
            }
            Thread.sleep(100); // they are waiting for the running scan, not scanning
            assertThat(scans.get()).isZero();
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(scans.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldNotJoinOrKeepAScanBegunBeforeAChange() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> early = pool.submit(() -> scan.get(() -> {
                started.countDown();
                await(release);
                return 100;
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            scan.invalidate(); // a change lands while the early scan runs
            assertThat(scan.get(this::count)).isEqualTo(1); // does not wait for the early one
            release.countDown();
            assertThat(early.get(5, TimeUnit.SECONDS)).isEqualTo(100);
            assertThat(scan.get(this::count)).isEqualTo(1); // the early result is not served afterwards
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldPassAFailedScanToItsWaitersAndTryAgainNextTime() {
        assertThatThrownBy(() -> scan.get(() -> {
            throw new StoresUnavailableException("rebalancing");
        })).isInstanceOf(StoresUnavailableException.class);
        assertThat(scan.get(this::count)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
