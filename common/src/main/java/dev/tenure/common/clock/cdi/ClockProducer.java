package dev.tenure.common.clock.cdi;

import dev.tenure.common.clock.AcceleratedClock;
import dev.tenure.common.clock.ClockFactory;
import dev.tenure.common.clock.ClockSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Produces the one {@link Clock} every service reads time through ({@code @Inject Clock clock}),
 * configured by {@code tenure.clock.start}, {@code tenure.clock.anchor} and
 * {@code tenure.clock.speed} (env TENURE_CLOCK_START, TENURE_CLOCK_ANCHOR, TENURE_CLOCK_SPEED).
 */
@Singleton
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    // @Singleton rather than a normal scope: callers get the clock itself, not a client proxy.
    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = ClockSettings.START_KEY) Optional<String> start,
                @ConfigProperty(name = ClockSettings.ANCHOR_KEY) Optional<String> anchor,
                @ConfigProperty(name = ClockSettings.SPEED_KEY) Optional<String> speed) {
        return ClockFactory.create(ClockSettings.parse(start, anchor, speed));
    }

    // Builds the clock at start-up, so bad settings stop the service at once rather than at the
    // first timer, and the log says which time this service runs on.
    void announce(@Observes Startup startup, Clock clock) {
        if (clock instanceof AcceleratedClock accelerated) {
            LOG.infof("Simulated time %s: runs %sx real time from %s at real %s",
                    accelerated.instant(), accelerated.speed(), accelerated.start(), accelerated.anchor());
        } else {
            LOG.infof("Real time %s (%s)", clock.instant(), clock);
        }
    }
}
