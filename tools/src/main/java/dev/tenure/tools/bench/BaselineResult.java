package dev.tenure.tools.bench;

/**
 * Kafka's own producer on the same broker: {@code org.apache.kafka.tools.ProducerPerformance}'s
 * summary line, and the settings it ran with.
 */
public record BaselineResult(String topic, int partitions, int replicationFactor, long records, int recordSize,
                             String producerSettings, double recordsPerSecond, double megabytesPerSecond,
                             double averageLatencyMs, double maxLatencyMs, String summaryLine) {
}
