package dev.tenure.access.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mass-change brake: more than {@code threshold} destructive changes (disables and deletes) for one source within
 * {@code window} stop execution before the one that would cross the threshold, until an operator releases it. One bad
 * HR file then costs {@code threshold} accounts, not the directory.
 *
 * <p>The "source" is the target system for now: commands do not yet carry who submitted the HR events behind them.
 * Nothing is dropped: a held command is the first to run after the release, and the window starts again then.
 *
 * <p>Plain Java, thread-safe (the executor admits, operators read and release from HTTP threads); time from the
 * injected clock.
 */
public final class MassChangeBrake {

    /** Whether a command may run now. */
    public enum Admission {
        PROCEED,
        HOLD
    }

    /** What the brake is holding: the command it stopped before, as the operator needs to see it. */
    public record HeldCommand(String personId, String actionId, String targetSystem, String step, int partition,
                              long offset) {
    }

    /** The operator's release. */
    public record Release(Instant at, String by, String reason, String target, int countAtEngagement) {
    }

    /** How the brake stands; {@code counts} are the destructive changes per target within the current window. */
    public record Snapshot(boolean engaged, int threshold, Duration window, Set<String> steps,
                           Map<String, Integer> counts, Optional<Instant> engagedSince, Optional<String> engagedTarget,
                           Optional<String> engagedReason, Optional<HeldCommand> held, Optional<Release> lastRelease,
                           long generation) {
    }

    private final int threshold;
    private final Duration window;
    private final Set<String> steps;
    private final Clock clock;
    private final Map<String, Deque<Instant>> admitted = new TreeMap<>();

    private boolean engaged;
    private Instant engagedSince;
    private String engagedTarget;
    private String engagedReason;
    private int engagedCount;
    private HeldCommand held;
    private Release lastRelease;
    private long generation;

    /**
     * @param threshold how many destructive changes per target a window allows (the next one trips the brake)
     * @param steps     the steps counted, e.g. ACCOUNT_DISABLED and ACCOUNT_DELETED
     */
    public MassChangeBrake(int threshold, Duration window, Set<String> steps, Clock clock) {
        if (threshold < 0) {
            throw new IllegalArgumentException("the brake's threshold must not be negative: " + threshold);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the brake's window must be positive: " + window);
        }
        this.threshold = threshold;
        this.window = window;
        this.steps = Set.copyOf(steps);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Admits a command about to run, counting it if its step is destructive. While engaged every command is held,
     * whatever its step or target: execution stops as a whole until an operator has looked.
     */
    public synchronized Admission admit(String targetSystem, String step, HeldCommand candidate) {
        if (engaged) {
            return Admission.HOLD;
        }
        if (!steps.contains(step)) {
            return Admission.PROCEED;
        }
        Instant now = clock.instant();
        Deque<Instant> times = admitted.computeIfAbsent(targetSystem, t -> new ArrayDeque<>());
        expire(times, now);
        if (times.size() + 1 > threshold) {
            engaged = true;
            engagedSince = now;
            engagedTarget = targetSystem;
            engagedCount = times.size() + 1;
            engagedReason = engagedCount + " " + String.join("/", new TreeSet<>(steps))
                    + " changes for target " + targetSystem + " within " + window + " (threshold " + threshold + ")";
            held = candidate;
            generation++;
            return Admission.HOLD;
        }
        times.addLast(now);
        return Admission.PROCEED;
    }

    /**
     * Engages the brake as it was before a restart (read back from where the executor recorded it), so a restart is
     * never a way around it.
     */
    public synchronized void restoreEngaged(String targetSystem, Instant since, String reason) {
        if (engaged) {
            return;
        }
        engaged = true;
        engagedSince = since;
        engagedTarget = targetSystem;
        engagedReason = reason;
        engagedCount = threshold + 1;
        held = null;
        generation++;
    }

    /** The operator's release: execution resumes with the held command, and every window starts again. */
    public synchronized Snapshot release(String by, String reason) {
        if (!engaged) {
            throw new IllegalStateException("the brake is not engaged");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a release needs a reason");
        }
        Instant now = clock.instant();
        lastRelease = new Release(now, by, reason.strip(), engagedTarget, engagedCount);
        engaged = false;
        engagedSince = null;
        engagedTarget = null;
        engagedReason = null;
        held = null;
        admitted.clear();
        generation++;
        return snapshotNow(now);
    }

    public synchronized boolean engaged() {
        return engaged;
    }

    /** Increases with every engagement and release, so the executor notices either without locking. */
    public synchronized long generation() {
        return generation;
    }

    public synchronized Snapshot snapshot() {
        return snapshotNow(clock.instant());
    }

    public int threshold() {
        return threshold;
    }

    public Duration window() {
        return window;
    }

    private Snapshot snapshotNow(Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        admitted.forEach((target, times) -> {
            expire(times, now);
            counts.put(target, times.size());
        });
        return new Snapshot(engaged, threshold, window, steps, Map.copyOf(counts), Optional.ofNullable(engagedSince),
                Optional.ofNullable(engagedTarget), Optional.ofNullable(engagedReason), Optional.ofNullable(held),
                Optional.ofNullable(lastRelease), generation);
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
