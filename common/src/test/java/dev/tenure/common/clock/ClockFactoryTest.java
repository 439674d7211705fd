package dev.tenure.common.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockFactoryTest {

    private static final Instant REAL_NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant SIMULATED_START = Instant.parse("2027-01-01T00:00:00Z");

    private final MutableClock realClock = new MutableClock(REAL_NOW);

    @Test
    void shouldGiveTheSystemUtcClockWhenNothingIsConfigured() {
        // When
        Clock clock = ClockFactory.create(ClockSettings.realTime());

        // Then
        assertThat(clock).isEqualTo(Clock.systemUTC());
    }

    @Test
    void shouldGiveTheRealClockWhenOnlyAnAnchorIsConfiguredAtSpeedOne() {
        // Given
        ClockSettings settings = new ClockSettings(Optional.empty(), Optional.of(REAL_NOW.minusSeconds(60)), 1);

        // When
        Clock clock = ClockFactory.create(settings);

        // Then
        assertThat(clock).isEqualTo(Clock.systemUTC());
    }

    @Test
    void shouldAnchorAtNowWhenOnlyAStartIsConfigured() {
        // Given
        ClockSettings settings = new ClockSettings(Optional.of(SIMULATED_START), Optional.empty(), 1440);

        // When
        Clock clock = ClockFactory.create(settings, realClock);
        realClock.advance(Duration.ofMinutes(1));

        // Then
        assertThat(clock).isInstanceOf(AcceleratedClock.class);
        assertThat(((AcceleratedClock) clock).anchor()).isEqualTo(REAL_NOW);
        assertThat(clock.instant()).isEqualTo(SIMULATED_START.plus(Duration.ofDays(1)));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void shouldUseTheConfiguredAnchorSoEveryServiceReadsTheSameTime() {
        // Given two services created their clocks 5 real seconds apart from the same settings
        ClockSettings settings = new ClockSettings(Optional.of(SIMULATED_START), Optional.of(REAL_NOW), 1440);
        Clock first = ClockFactory.create(settings, realClock);
        realClock.advance(Duration.ofSeconds(5));

        // When
        Clock second = ClockFactory.create(settings, realClock);

        // Then
        assertThat(second.instant()).isEqualTo(first.instant()).isEqualTo(SIMULATED_START.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldRunFromRealTimeWhenOnlyASpeedIsConfigured() {
        // Given
        ClockSettings settings = new ClockSettings(Optional.empty(), Optional.empty(), 60);

        // When
        Clock clock = ClockFactory.create(settings, realClock);
        realClock.advance(Duration.ofSeconds(1));

        // Then
        assertThat(clock.instant()).isEqualTo(REAL_NOW.plus(Duration.ofMinutes(1)));
    }
}
