package dev.tenure.tools.bench.planner;

import java.util.List;
import java.util.Optional;

/**
 * The planner's rate from the watched committed offsets: events consumed between the first look that showed any
 * progress and the first look that showed all of them, divided by the time between those two looks. Start-up,
 * the group's rebalance and the first fetch fall before the first progress and are not counted; the events already
 * committed at the first progress are not counted either, so the rate is of events and time both inside the window.
 * Offsets are committed every commit interval, so each end of the window is late by up to one interval plus one
 * look: the longer the run, the smaller that error.
 */
public record ConsumptionRate(long target, Progress first, Progress done) {

    /** Empty when no look showed progress, or none showed all {@code target} events. */
    public static Optional<ConsumptionRate> of(List<Progress> looks, long target) {
        Progress first = null;
        for (Progress look : looks) {
            if (first == null && look.consumed() > 0) {
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

    /** Events per second, or 0 when the whole run fell between two looks (nothing to divide by). */
    public double eventsPerSecond() {
        double seconds = seconds();
        return seconds > 0 ? events() / seconds : 0;
    }
}
