package dev.tenure.tools.bench.sle;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record of the SLE replay: the topic it belongs on, its key (the person id), when it happened (the replay is
 * written in this order) and the Avro record its single writer would have published.
 */
public record ReplayRecord(String topic, String key, Instant at, SpecificRecord value) {
}
