package dev.tenure.access.execution;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed change again: exponential backoff with jitter. The n-th retry waits a random time between half
 * and all of {@code initial × 2^(n-1)}, capped at {@code max}; the jitter keeps many people's commands, failed by the
 * same outage, from hitting the target again in the same millisecond. Retrying stops once {@code giveUpAfter} has
 * passed since the first attempt: the change then fails for good (and is dead-lettered, to be replayed by hand).
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    /** @param random values in [0, 1): {@code Math::random} in production, a fixed sequence in tests */
    public Backoff(Duration initial, Duration max, Duration giveUpAfter, DoubleSupplier random) {
        this.initial = requirePositive(initial, "initial");
        this.max = requirePositive(max, "max");
        this.giveUpAfter = Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        this.random = Objects.requireNonNull(random, "random");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the maximum delay " + max + " is shorter than the initial " + initial);
        }
        if (giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("giveUpAfter must not be negative: " + giveUpAfter);
        }
    }

    /** The delay before retry number {@code retry} (1 = the first retry, after the first failed attempt). */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1: " + retry);
        }
        Duration ceiling = ceiling(retry);
        long ceilingNanos = ceiling.toNanos();
        double jitter = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        long nanos = ceilingNanos / 2 + (long) (jitter * (ceilingNanos - ceilingNanos / 2));
        return Duration.ofNanos(Math.max(nanos, 1_000_000L));
    }

    /** The delay before retry {@code retry} without jitter: initial doubled each time, never above max. */
    public Duration ceiling(int retry) {
        int doublings = Math.min(retry - 1, 62);
        long initialNanos = initial.toNanos();
        if (doublings >= Long.numberOfLeadingZeros(initialNanos) - 1) {
            return max;
        }
        Duration doubled = Duration.ofNanos(initialNanos << doublings);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /** Whether a change that has failed since {@code failingFor} should not be tried again. */
    public boolean exhausted(Duration failingFor) {
        return failingFor.compareTo(giveUpAfter) >= 0;
    }

    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
