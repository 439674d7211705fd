package dev.tenure.equipment.support;

import dev.tenure.testkit.MovableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * In the {@code @QuarkusTest}s, the service's clock is this one, which the tests move: the equipment timers (the
 * leaver's cut-off) fire when the tests say the time has come, not hours later.
 */
@Singleton
public class TestClock {

    public static final MovableClock CLOCK = new MovableClock(Instant.now());

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
