package dev.tenure.access.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void shouldDoubleFromTheInitialDelayUpToTheMaximum() {
        Backoff backoff = new Backoff(INITIAL, MAX, Duration.ofMinutes(15), () -> 0.999999);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(backoff.ceiling(9)).isEqualTo(MAX);
        assertThat(backoff.ceiling(1_000)).isEqualTo(MAX);
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void shouldJitterBetweenHalfAndAllOfTheCeiling() {
        Backoff low = new Backoff(INITIAL, MAX, Duration.ofMinutes(15), () -> 0.0);
        Backoff high = new Backoff(INITIAL, MAX, Duration.ofMinutes(15), () -> 0.999999);
        Backoff middle = new Backoff(INITIAL, MAX, Duration.ofMinutes(15), () -> 0.5);

        assertThat(low.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(high.delayBefore(1)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
        assertThat(middle.delayBefore(3)).isEqualTo(Duration.ofMillis(600));
        assertThat(low.delayBefore(20)).isEqualTo(Duration.ofSeconds(15));
        assertThat(high.delayBefore(20)).isLessThanOrEqualTo(MAX);
    }

    @Test
    void shouldStayWithinBoundsWhateverTheRandomSourceSays() {
        Backoff wild = new Backoff(INITIAL, MAX, Duration.ofMinutes(15), () -> 7.0);
        Backoff negative = new Backoff(INITIAL, MAX, Duration.ofMinutes(15), () -> -3.0);

        assertThat(wild.delayBefore(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(negative.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldGiveUpOnceTheLimitHasPassed() {
        Backoff backoff = new Backoff(INITIAL, MAX, Duration.ofMinutes(15), () -> 0.5);

        assertThat(backoff.exhausted(Duration.ofMinutes(14).plusSeconds(59))).isFalse();
        assertThat(backoff.exhausted(Duration.ofMinutes(15))).isTrue();
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX, Duration.ofMinutes(1), Math::random))
                .hasMessageContaining("initial");
        assertThatThrownBy(() -> new Backoff(MAX, INITIAL, Duration.ofMinutes(1), Math::random))
                .hasMessageContaining("shorter");
        assertThatThrownBy(() -> new Backoff(INITIAL, MAX, Duration.ofMinutes(1), Math::random).delayBefore(0))
                .hasMessageContaining("from 1");
    }
}
