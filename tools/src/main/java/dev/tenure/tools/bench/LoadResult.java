package dev.tenure.tools.bench;

import java.time.Duration;
import java.util.Map;

/**
 * What the fixed-rate single-event run measured (warm-up excluded).
 *
 * @param offeredRate        requests scheduled per second
 * @param measured           the measured window (after the warm-up)
 * @param scheduled          requests scheduled in the measured window
 * @param accepted           of those, answered 202
 * @param statusCounts       of those, how many got each HTTP status
 * @param failures           of those, how many failed without a status (refused, timed out)
 * @param acceptedPerSecond  accepted ÷ (last answer − window start)
 * @param latency            from each request's scheduled send time to its answer (any status)
 * @param maxSendLagNanos    how late the scheduler itself sent a request, at worst (client health)
 * @param samples            one response body (or failure) per non-202 outcome, to see why
 */
public record LoadResult(double offeredRate, Duration warmUp, Duration measured, long scheduled, long accepted,
                         Map<Integer, Long> statusCounts, long failures, double acceptedPerSecond,
                         LatencySummary latency, long maxSendLagNanos, Map<String, String> samples) {
}
