package dev.tenure.common.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Turns {@link ClockSettings} into the clock the services read time through. */
public final class ClockFactory {

    private ClockFactory() {
    }

    /** The system UTC clock for real-time settings, otherwise an {@link AcceleratedClock} over it. */
    public static Clock create(ClockSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /**
     * As {@link #create(ClockSettings)}, over {@code realClock}: {@code realClock} itself (in UTC)
     * for real-time settings, otherwise an {@link AcceleratedClock} anchored now unless an anchor
     * is configured.
     */
    public static Clock create(ClockSettings settings, Clock realClock) {
        if (settings.isRealTime()) {
            return realClock.withZone(ZoneOffset.UTC);
        }
        Instant anchor = settings.anchor().orElseGet(realClock::instant);
        Instant start = settings.start().orElse(anchor);
        return new AcceleratedClock(start, anchor, settings.speed(), realClock);
    }
}
