package dev.tenure.tools.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: request {@code i} is due at {@code start + i / rate}, whether or not earlier
 * ones have been answered, and its latency runs from that due time to its answer. A service that
 * stalls therefore shows the stall in every request that queued behind it (no coordinated
 * omission). Requests go out asynchronously; at most {@code maxInFlight} are outstanding, and a
 * request held back by that limit still counts its wait, since its clock started when it was due.
 */
public final class FixedRateLoad {

    /** How hard and how long: {@code warmUp} is sent but not measured. */
    public record Plan(double ratePerSecond, Duration warmUp, Duration measured, int maxInFlight) {
        public Plan {
            if (!(ratePerSecond > 0)) {
                throw new IllegalArgumentException("rate must be > 0");
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be >= 1");
            }
        }

        public long totalRequests() {
            return (long) Math.floor(ratePerSecond * (warmUp.toNanos() + measured.toNanos()) / 1e9);
        }

        long warmUpRequests() {
            return (long) Math.floor(ratePerSecond * warmUp.toNanos() / 1e9);
        }
    }

    /**
     * Sends request {@code index} (the bodies are prepared beforehand: this runs on the scheduling
     * thread, so it must only start the request); the tool's HTTP client, or a stand-in in tests.
     */
    public interface Sender {
        CompletableFuture<HttpAnswer> send(long index);
    }

    private static final long SAMPLE_LENGTH = 400;

    private final Plan plan;
    private final Sender sender;

    public FixedRateLoad(Plan plan, Sender sender) {
        this.plan = plan;
        this.sender = sender;
    }

    /** Runs the plan, then waits up to {@code drainTimeout} for the last answers. */
    public LoadResult run(Duration drainTimeout) throws InterruptedException {
        long total = plan.totalRequests();
        long warmUpCount = plan.warmUpRequests();
        double periodNanos = 1e9 / plan.ratePerSecond();
        LatencyRecorder latencies = new LatencyRecorder();
        ConcurrentMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        ConcurrentMap<String, String> samples = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong lastMeasuredAnswer = new AtomicLong(Long.MIN_VALUE);
        Semaphore inFlight = new Semaphore(plan.maxInFlight());
        long maxLag = 0;

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measureStart = start + Math.round(warmUpCount * periodNanos);
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * periodNanos);
            waitUntil(due);
            inFlight.acquire();
            long sentAt = System.nanoTime();
            maxLag = Math.max(maxLag, sentAt - due);
            boolean measured = i >= warmUpCount;
            CompletableFuture<HttpAnswer> answer;
            try {
                answer = sender.send(i);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((response, error) -> {
                long now = System.nanoTime();
                inFlight.release();
                if (!measured) {
                    return;
                }
                latencies.record(now - due);
                lastMeasuredAnswer.accumulateAndGet(now, Math::max);
                if (error != null) {
                    failures.incrementAndGet();
                    samples.putIfAbsent("failure", truncate(rootCause(error).toString()));
                } else {
                    statuses.computeIfAbsent(response.status(), code -> new AtomicLong()).incrementAndGet();
                    if (response.status() != 202) {
                        samples.putIfAbsent("HTTP " + response.status(), truncate(response.body()));
                    }
                }
            });
        }
        boolean drained = inFlight.tryAcquire(plan.maxInFlight(), drainTimeout.toNanos(), TimeUnit.NANOSECONDS);
        if (drained) {
            inFlight.release(plan.maxInFlight());
        } else {
            samples.putIfAbsent("unanswered", (plan.maxInFlight() - inFlight.availablePermits())
                    + " requests still outstanding after " + drainTimeout.toSeconds() + " s; counted as neither accepted nor failed");
        }

        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((code, count) -> counts.put(code, count.get()));
        long accepted = counts.getOrDefault(202, 0L);
        long windowNanos = Math.max(lastMeasuredAnswer.get() - measureStart, plan.measured().toNanos());
        double perSecond = lastMeasuredAnswer.get() == Long.MIN_VALUE ? 0 : accepted / (windowNanos / 1e9);
        return new LoadResult(plan.ratePerSecond(), plan.warmUp(), plan.measured(), total - warmUpCount, accepted, counts,
                failures.get(), perSecond, latencies.summary(), maxLag, new TreeMap<>(samples));
    }

    private static void waitUntil(long due) {
        long remaining;
        while ((remaining = due - System.nanoTime()) > 0) {
            if (remaining > 200_000) {
                LockSupport.parkNanos(remaining - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= SAMPLE_LENGTH ? oneLine : oneLine.substring(0, (int) SAMPLE_LENGTH) + "…";
    }
}
