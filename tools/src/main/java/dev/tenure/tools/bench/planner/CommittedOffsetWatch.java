package dev.tenure.tools.bench.planner;

import dev.tenure.tools.bench.BenchAdmin;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a consumer group's committed offsets on the benchmark's input, from outside the service (black box):
 * every poll interval it asks the broker and records how many of the benchmark's events the group has committed,
 * until all are, the service dies, or the time is up.
 */
final class CommittedOffsetWatch {

    /** What the watch saw: every look at which the count changed (and the first), with when the watch began. */
    record Watched(long startedNanos, List<Progress> looks, boolean complete, String stoppedBecause) {
    }

    private final BenchAdmin admin;
    private final String group;
    private final Map<TopicPartition, Long> startOffsets;
    private final Duration pollInterval;
    private final PrintStream log;

    CommittedOffsetWatch(BenchAdmin admin, String group, Map<TopicPartition, Long> startOffsets, Duration pollInterval,
                         PrintStream log) {
        this.admin = admin;
        this.group = group;
        this.startOffsets = Map.copyOf(startOffsets);
        this.pollInterval = pollInterval;
        this.log = log;
    }

    /**
     * @param serviceAlive      false once the service has exited
     * @param serviceCpuNanos   the service's CPU time so far, or -1 when unknown
     */
    Watched watch(long target, Duration timeout, BooleanSupplier serviceAlive, LongSupplier serviceCpuNanos)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long lastLogged = started;
        List<Progress> looks = new ArrayList<>();
        long previous = -1;
        while (true) {
            long consumed = BenchAdmin.beyond(admin.committedOffsets(group), startOffsets);
            long now = System.nanoTime();
            if (consumed != previous) {
                looks.add(new Progress(now, consumed, serviceCpuNanos.getAsLong()));
                previous = consumed;
            }
            if (consumed >= target) {
                return new Watched(started, looks, true, "all " + target + " events committed");
            }
            if (!serviceAlive.getAsBoolean()) {
                return new Watched(started, looks, false, "the service exited");
            }
            if (now > deadline) {
                return new Watched(started, looks, false, "timed out after " + timeout.toSeconds() + " s");
            }
            if (now - lastLogged > 5_000_000_000L) {
                log.printf("  %,d of %,d events committed%n", consumed, target);
                lastLogged = now;
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
