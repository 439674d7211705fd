package dev.tenure.hr;

import dev.tenure.hr.support.Tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.common.clock.AcceleratedClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ClockWiringTest.OneDayPerSecond.class)
class ClockWiringTest {

    private static final Instant SIMULATED_START = Instant.parse("2027-01-01T00:00:00Z");
    private static final double SPEED = 86_400;

    @Inject
    Clock clock;

    @Test
    void shouldInjectTheConfiguredAcceleratedClock() {
        // Given tenure.clock.start=2027-01-01T00:00:00Z and tenure.clock.speed=86400, no anchor

        // When
        Instant now = clock.instant();

        // Then it reads shortly after the start: each real second since start-up is one day
        assertThat(clock).isInstanceOf(AcceleratedClock.class);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(((AcceleratedClock) clock).speed()).isEqualTo(SPEED);
        assertThat(now).isBetween(SIMULATED_START, SIMULATED_START.plus(Duration.ofDays(60)));
    }

    @Test
    void shouldAdvanceAboutOneDayPerRealSecond() throws InterruptedException {
        // Given
        long beforeFirstRead = System.nanoTime();
        Instant first = clock.instant();
        long afterFirstRead = System.nanoTime();

        // When a little real time passes
        Thread.sleep(300);
        long beforeSecondRead = System.nanoTime();
        Instant second = clock.instant();
        long afterSecondRead = System.nanoTime();

        // Then the simulated span is the real span, bracketed by the reads, times the speed (±10%)
        double simulatedNanos = Duration.between(first, second).toNanos();
        double shortestRealNanos = beforeSecondRead - afterFirstRead;
        double longestRealNanos = afterSecondRead - beforeFirstRead;
        assertThat(simulatedNanos).isBetween(shortestRealNanos * SPEED * 0.9, longestRealNanos * SPEED * 1.1);
    }

    public static class OneDayPerSecond implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tenure.clock.start", SIMULATED_START.toString(),
                    "tenure.clock.speed", "86400",
                    "mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString());
        }
    }
}
