package dev.tenure.tools.bench.sle;

import dev.tenure.tools.bench.planner.ConsumerPerformanceOutput;
import dev.tenure.tools.bench.planner.ConsumptionRate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one SLE benchmark run measured and the settings it ran with.
 *
 * @param perTopic        replay records per input topic (warm-up and measured)
 * @param lifecycleMix    HR events per payload type (warm-up and measured)
 * @param inputsRate      warm-up done → every input record committed as consumed
 * @param rate            warm-up done → every input consumed and the outputs settled (the aggregates too): the rate
 * @param coldRate        first progress → warm-up done (a fresh JVM); empty without a warm-up
 * @param caseStatusGrowth offsets sle-case-status grew by (records and transaction markers) by the end
 * @param complianceGrowth the same for sle-compliance
 * @param kafka           ConsumerPerformance's measured read of each input topic; empty when skipped
 * @param dashboard       the readers' run; empty when not run
 * @param dashboardCpuMicrosPerRequest the service's CPU per dashboard request, NaN when unknown
 */
public record SleBenchResult(
        Instant startedAt,
        String bootstrapServers,
        int events,
        int warmUpEvents,
        Map<String, Long> perTopic,
        Map<String, Long> lifecycleMix,
        LocalDate feedStart,
        Optional<String> finalAfter,
        double generateSeconds,
        double writeSeconds,
        String applicationId,
        List<String> jvmOptions,
        long pollMillis,
        long settleMillis,
        double startupSeconds,
        Optional<ConsumptionRate> inputsRate,
        Optional<ConsumptionRate> rate,
        Optional<ConsumptionRate> coldRate,
        String stoppedBecause,
        long caseStatusGrowth,
        long complianceGrowth,
        Map<String, ConsumerPerformanceOutput.Summary> kafka,
        Optional<DashboardLoad.Result> dashboard,
        double dashboardCpuMicrosPerRequest) {

    /** ConsumerPerformance over all four topics: their records over the sum of their fetch times (join excluded). */
    public Optional<Double> kafkaRecordsPerSecond() {
        if (kafka.isEmpty()) {
            return Optional.empty();
        }
        long records = kafka.values().stream().mapToLong(ConsumerPerformanceOutput.Summary::records).sum();
        long fetchMs = kafka.values().stream().mapToLong(ConsumerPerformanceOutput.Summary::fetchMs).sum();
        return fetchMs <= 0 ? Optional.empty() : Optional.of(records * 1000.0 / fetchMs);
    }
}
