package dev.tenure.common.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockSettingsTest {

    @Test
    void shouldReadAllThreeSettingsFromTheirText() {
        // When
        ClockSettings settings = ClockSettings.parse(
                Optional.of("2027-01-01T00:00:00Z"), Optional.of("2026-11-21T09:00:00Z"), Optional.of("1440"));

        // Then
        assertThat(settings).isEqualTo(new ClockSettings(
                Optional.of(Instant.parse("2027-01-01T00:00:00Z")),
                Optional.of(Instant.parse("2026-11-21T09:00:00Z")),
                1440));
    }

    @Test
    void shouldBeRealTimeWhenNothingIsSetOrValuesAreBlank() {
        // When
        ClockSettings unset = ClockSettings.parse(Optional.empty(), Optional.empty(), Optional.empty());
        ClockSettings blank = ClockSettings.parse(Optional.of(" "), Optional.of(""), Optional.of("  "));

        // Then
        assertThat(unset).isEqualTo(ClockSettings.realTime());
        assertThat(blank).isEqualTo(ClockSettings.realTime());
        assertThat(unset.isRealTime()).isTrue();
    }

    @Test
    void shouldAcceptAFractionalSpeed() {
        // When
        ClockSettings settings = ClockSettings.parse(Optional.empty(), Optional.empty(), Optional.of("0.25"));

        // Then
        assertThat(settings.speed()).isEqualTo(0.25);
        assertThat(settings.isRealTime()).isFalse();
    }

    @Test
    void shouldNotBeRealTimeWhenAStartIsSetEvenAtSpeedOne() {
        // When
        ClockSettings settings = ClockSettings.parse(Optional.of("2027-01-01T00:00:00Z"), Optional.empty(), Optional.empty());

        // Then
        assertThat(settings.isRealTime()).isFalse();
    }

    @Test
    void shouldRejectANegativeSpeedNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> ClockSettings.parse(Optional.empty(), Optional.empty(), Optional.of("-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenure.clock.speed must be > 0, was -2");
    }

    @Test
    void shouldRejectAZeroSpeed() {
        assertThatThrownBy(() -> new ClockSettings(Optional.empty(), Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenure.clock.speed must be > 0, was 0");
    }

    @Test
    void shouldRejectASpeedThatIsNotFinite() {
        assertThatThrownBy(() -> ClockSettings.parse(Optional.empty(), Optional.empty(), Optional.of("NaN")))
                .hasMessage("tenure.clock.speed must be a finite number, was NaN");
        assertThatThrownBy(() -> new ClockSettings(Optional.empty(), Optional.empty(), Double.POSITIVE_INFINITY))
                .hasMessage("tenure.clock.speed must be a finite number, was Infinity");
    }

    @Test
    void shouldRejectASpeedThatIsNotANumber() {
        assertThatThrownBy(() -> ClockSettings.parse(Optional.empty(), Optional.empty(), Optional.of("fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenure.clock.speed must be a number such as 1440 or 0.5, was 'fast'");
    }

    @Test
    void shouldRejectAStartThatIsNotAnInstant() {
        assertThatThrownBy(() -> ClockSettings.parse(Optional.of("2027-01-01"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenure.clock.start must be an ISO-8601 instant such as 2027-01-01T00:00:00Z, was '2027-01-01'");
    }

    @Test
    void shouldRejectAnAnchorThatIsNotAnInstant() {
        assertThatThrownBy(() -> ClockSettings.parse(Optional.empty(), Optional.of("now"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenure.clock.anchor must be an ISO-8601 instant such as 2027-01-01T00:00:00Z, was 'now'");
    }
}
