package dev.tenure.access.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import dev.tenure.testkit.MovableClock;
import java.time.Clock;
import java.time.Instant;

/**
 * The service's clock replaced by one a test moves by hand: selected only by test profiles that list it in
 * {@code quarkus.arc.selected-alternatives}, so the other tests keep the production clock.
 */
@ApplicationScoped
public class TestClockProducer {

    public static final MovableClock CLOCK = new MovableClock(Instant.now());

    @Produces
    @Singleton
    @Alternative
    Clock clock() {
        return CLOCK;
    }
}
