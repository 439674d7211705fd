package dev.tenure.common.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AcceleratedClockTest {

    private static final Instant REAL_ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant SIMULATED_START = Instant.parse("2027-01-01T00:00:00Z");

    private final MutableClock realClock = new MutableClock(REAL_ANCHOR);

    @Test
    void shouldReadTheStartAtTheAnchor() {
        // Given / When
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1440, realClock);

        // Then
        assertThat(clock.instant()).isEqualTo(SIMULATED_START);
    }

    @Test
    void shouldAdvanceOneSimulatedDayPerRealMinuteAtSpeed1440() {
        // Given
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1440, realClock);

        // When
        realClock.advance(Duration.ofMinutes(1));

        // Then
        assertThat(clock.instant()).isEqualTo(SIMULATED_START.plus(Duration.ofDays(1)));
        assertThat(clock.millis()).isEqualTo(SIMULATED_START.plus(Duration.ofDays(1)).toEpochMilli());
    }

    @Test
    void shouldRunFromAnAnchorInThePastAsIfItHadBeenRunningSinceThen() {
        // Given the shared anchor was 10 real seconds before this process created its clock
        realClock.advance(Duration.ofSeconds(10));

        // When
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1440, realClock);

        // Then
        assertThat(clock.instant()).isEqualTo(SIMULATED_START.plus(Duration.ofHours(4)));
    }

    @Test
    void shouldSlowTimeDownAtAFractionalSpeed() {
        // Given
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 0.5, realClock);

        // When
        realClock.advance(Duration.ofSeconds(10));

        // Then
        assertThat(clock.instant()).isEqualTo(SIMULATED_START.plusSeconds(5));
    }

    @Test
    void shouldScaleExactlyByADecimalFractionalSpeed() {
        // Given 2.5 has an exact binary form, 0.1 does not: both must scale without drift
        AcceleratedClock twoAndAHalf = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 2.5, realClock);
        AcceleratedClock oneTenth = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 0.1, realClock);

        // When
        realClock.advance(Duration.ofDays(3650));

        // Then
        assertThat(twoAndAHalf.instant()).isEqualTo(SIMULATED_START.plus(Duration.ofDays(9125)));
        assertThat(oneTenth.instant()).isEqualTo(SIMULATED_START.plus(Duration.ofDays(365)));
    }

    @Test
    void shouldNeverReadAheadOfRealTimeWhenAFractionOfANanosecondIsLeft() {
        // Given
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 0.5, realClock);

        // When
        realClock.advance(Duration.ofNanos(3));

        // Then 1.5 ns of simulated time has passed: the clock reads 1 ns
        assertThat(clock.instant()).isEqualTo(SIMULATED_START.plusNanos(1));
    }

    @Test
    void shouldReadBeforeTheStartForRealInstantsBeforeTheAnchor() {
        // Given
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1440, realClock);

        // When
        realClock.advance(Duration.ofMinutes(-2));

        // Then
        assertThat(clock.instant()).isEqualTo(SIMULATED_START.minus(Duration.ofDays(2)));
    }

    @Test
    void shouldNotOverflowWhenAYearOfRealTimeRunsAtADayPerSecond() {
        // Given
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 86_400, realClock);

        // When
        realClock.advance(Duration.ofDays(365));

        // Then
        assertThat(clock.instant()).isEqualTo(SIMULATED_START.plus(Duration.ofDays(365L * 86_400)));
    }

    @Test
    void shouldBeInUtcAndKeepItsTimingInAnotherZone() {
        // Given
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1440, realClock);
        ZoneId sydney = ZoneId.of("Australia/Sydney");

        // When
        Clock inSydney = clock.withZone(sydney);
        realClock.advance(Duration.ofMinutes(1));

        // Then
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(inSydney.getZone()).isEqualTo(sydney);
        assertThat(inSydney.instant()).isEqualTo(clock.instant());
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void shouldBeEqualToAClockWithTheSameSettings() {
        // Given
        AcceleratedClock clock = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1440, realClock);
        AcceleratedClock same = new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1440, realClock);

        // Then
        assertThat(clock).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(clock).isNotEqualTo(new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 1441, realClock));
        assertThat(clock).isNotEqualTo(new AcceleratedClock(SIMULATED_START, REAL_ANCHOR.plusSeconds(1), 1440, realClock));
        assertThat(clock).isNotEqualTo(new AcceleratedClock(SIMULATED_START.plusSeconds(1), REAL_ANCHOR, 1440, realClock));
        assertThat(clock).isNotEqualTo(clock.withZone(ZoneId.of("Europe/Paris")));
        assertThat(clock.withZone(ZoneId.of("Europe/Paris"))).isEqualTo(same.withZone(ZoneId.of("Europe/Paris")));
    }

    @Test
    void shouldRejectASpeedThatIsNotPositive() {
        assertThatThrownBy(() -> new AcceleratedClock(SIMULATED_START, REAL_ANCHOR, 0, realClock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("speed must be a finite number > 0, was 0.0");
    }
}
