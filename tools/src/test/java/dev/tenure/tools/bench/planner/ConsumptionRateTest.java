package dev.tenure.tools.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumptionRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldCountOnlyEventsAndTimeBetweenFirstProgressAndCompletion() {
        // Given start-up (nothing committed for 9 s), then commits every look until all 100,000 are in
        List<Progress> looks = List.of(new Progress(0, 0), new Progress(9 * SECOND, 2_000), new Progress(10 * SECOND, 22_000),
                new Progress(13 * SECOND, 82_000), new Progress(14 * SECOND, 100_000));

        // When
        ConsumptionRate rate = ConsumptionRate.of(looks, 100_000).orElseThrow();

        // Then the 2,000 committed at the first progress and the 9 s before it are left out
        assertThat(rate.events()).isEqualTo(98_000);
        assertThat(rate.seconds()).isEqualTo(5.0);
        assertThat(rate.eventsPerSecond()).isCloseTo(19_600, within(0.001));
        assertThat(rate.first().atNanos()).isEqualTo(9 * SECOND);
    }

    @Test
    void shouldDivideTheServicesCpuTimeInTheWindowByItsEvents() {
        // 1.5 CPU-seconds over 2 s for 10,000 events
        List<Progress> looks = List.of(new Progress(0, 0, 9 * SECOND), new Progress(SECOND, 1_000, 10 * SECOND),
                new Progress(3 * SECOND, 11_000, 11 * SECOND + SECOND / 2));

        ConsumptionRate rate = ConsumptionRate.of(looks, 11_000).orElseThrow();

        assertThat(rate.cpuMicrosPerEvent().getAsDouble()).isCloseTo(150, within(0.001));
        assertThat(rate.coresUsed().getAsDouble()).isCloseTo(0.75, within(0.001));
    }

    @Test
    void shouldNotGuessTheCpuTimeWhenTheSystemDoesNotSayIt() {
        ConsumptionRate rate = ConsumptionRate.of(List.of(new Progress(0, 1), new Progress(SECOND, 10)), 10).orElseThrow();

        assertThat(rate.cpuMicrosPerEvent()).isEmpty();
        assertThat(rate.coresUsed()).isEmpty();
    }

    @Test
    void shouldOpenTheWindowOnceTheWarmUpEventsAreConsumed() {
        // Given 50,000 warm-up events before the 100,000 measured
        List<Progress> looks = List.of(new Progress(0, 0), new Progress(5 * SECOND, 1_000), new Progress(10 * SECOND, 49_000),
                new Progress(11 * SECOND, 52_000), new Progress(16 * SECOND, 150_000));

        // When
        ConsumptionRate rate = ConsumptionRate.of(looks, 50_000, 150_000).orElseThrow();

        // Then the window is from the first look past the warm-up to the end
        assertThat(rate.first().atNanos()).isEqualTo(11 * SECOND);
        assertThat(rate.events()).isEqualTo(98_000);
        assertThat(rate.eventsPerSecond()).isCloseTo(19_600, within(0.001));
    }

    @Test
    void shouldTakeTheFirstLookThatShowsEveryEvent() {
        List<Progress> looks = List.of(new Progress(SECOND, 10), new Progress(2 * SECOND, 50), new Progress(3 * SECOND, 60));

        ConsumptionRate rate = ConsumptionRate.of(looks, 50).orElseThrow();

        assertThat(rate.done().atNanos()).isEqualTo(2 * SECOND);
        assertThat(rate.events()).isEqualTo(40);
    }

    @Test
    void shouldBeEmptyWhenTheRunDidNotComplete() {
        assertThat(ConsumptionRate.of(List.of(new Progress(0, 0), new Progress(SECOND, 99_999)), 100_000)).isEmpty();
        assertThat(ConsumptionRate.of(List.of(), 1)).isEmpty();
    }

    @Test
    void shouldGiveZeroRatherThanInfinityWhenEverythingCameInOneLook() {
        ConsumptionRate rate = ConsumptionRate.of(List.of(new Progress(0, 0), new Progress(SECOND, 1_000)), 1_000).orElseThrow();

        assertThat(rate.events()).isZero();
        assertThat(rate.eventsPerSecond()).isZero();
    }
}
