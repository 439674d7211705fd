package dev.tenure.tools.bench.planner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one planner benchmark run measured and the settings it ran with.
 *
 * @param warmUpEvents      events replayed before the measured ones, not counted
 * @param mix               the measured events per type, in the feed's order of types
 * @param startupSeconds    from starting the service's JVM to the first look that showed progress (start-up, group
 *                          join, first fetch and first commit); NaN when there was no progress
 * @param rate              empty when the run did not complete
 * @param coldRate          the warm-up events' own rate, from the first progress (a fresh JVM); empty without a
 *                          warm-up
 * @param commandsProduced  records added to access-commands from the service's start to the end of the watch
 * @param kafka             empty when skipped
 */
public record PlannerBenchResult(
        Instant startedAt,
        String bootstrapServers,
        String topic,
        int partitions,
        long events,
        long warmUpEvents,
        Map<String, Long> mix,
        LocalDate feedStart,
        double writeSeconds,
        String applicationId,
        List<String> jvmOptions,
        Optional<Duration> commitInterval,
        Duration pollInterval,
        double startupSeconds,
        Optional<ConsumptionRate> rate,
        Optional<ConsumptionRate> coldRate,
        String stoppedBecause,
        long commandsProduced,
        double target,
        Optional<ConsumerPerformanceOutput.Summary> kafka) {
}
