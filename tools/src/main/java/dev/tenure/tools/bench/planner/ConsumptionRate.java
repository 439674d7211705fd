package dev.tenure.tools.bench.planner;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The planner's rate from the watched committed offsets: events consumed between the first look that showed any
 * progress and the first look that showed all of them, divided by the time between those two looks. Start-up,
 * the group's rebalance and the first fetch fall before the first progress and are not counted; the events already
 * committed at the first progress are not counted either, so the rate is of events and time both inside the window.
 * Offsets are committed every commit interval, so each end of the window is late by up to one interval plus one
 * look: the longer the run, the smaller that error. With a warm-up, the window opens at the first look that showed
 * every warm-up event consumed instead (the JVM's compiler has then seen the planner's work).
 */
public record ConsumptionRate(long target, Progress first, Progress done) {

    /** Empty when no look showed progress, or none showed all {@code target} events. */
    public static Optional<ConsumptionRate> of(List<Progress> looks, long target) {
        return of(looks, 0, target);
    }

    /**
     * The window from the first look that showed at least {@code warmUp} events (any progress when 0) to the first
     * that showed {@code target}; empty when there was no such pair.
     */
    public static Optional<ConsumptionRate> of(List<Progress> looks, long warmUp, long target) {
        long opensAt = Math.max(1, warmUp);
        Progress first = null;
        for (Progress look : looks) {
            if (first == null && look.consumed() >= opensAt) {
                first = look;
            }
            if (first != null && look.consumed() >= target) {
                return Optional.of(new ConsumptionRate(target, first, look));
            }
        }
        return Optional.empty();
    }

    /** Events inside the window. */
    public long events() {
        return done.consumed() - first.consumed();
    }

    public double seconds() {
        return (done.atNanos() - first.atNanos()) / 1e9;
    }

    /**
     * The service's CPU time per event inside the window, in microseconds, or empty when unknown: unlike the rate,
     * it hardly depends on what else the machine runs, so it tells how far a quiet machine's cores would go.
     */
    public OptionalDouble cpuMicrosPerEvent() {
        if (first.cpuNanos() < 0 || done.cpuNanos() < 0 || events() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((done.cpuNanos() - first.cpuNanos()) / 1e3 / events());
    }

    /** The service's CPU time inside the window divided by the window: how many cores it had on average. */
    public OptionalDouble coresUsed() {
        if (first.cpuNanos() < 0 || done.cpuNanos() < 0 || seconds() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((done.cpuNanos() - first.cpuNanos()) / 1e9 / seconds());
    }

    /** Events per second, or 0 when the whole run fell between two looks (nothing to divide by). */
    public double eventsPerSecond() {
        double seconds = seconds();
        return seconds > 0 ? events() / seconds : 0;
    }
}
