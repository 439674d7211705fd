package dev.tenure.tools.bench.planner;

import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.feed.ScheduledEvent;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the benchmark's history to {@code hr-lifecycle-events} as the intake would: keyed by person id, Avro in
 * the registry's framing, acks=all and idempotent. Not part of the measurement: the planner starts after it is all
 * written.
 */
final class HistoryWriter {

    private final String bootstrapServers;
    private final String registryUrl;
    private final PrintStream log;

    HistoryWriter(String bootstrapServers, String registryUrl, PrintStream log) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.log = log;
    }

    /** Writes every event, in order, and returns the seconds it took. */
    double write(List<ScheduledEvent> feed) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "tenure-bench-planner-history");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        HistoricalEnvelopes envelopes = new HistoricalEnvelopes();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, HrLifecycleEvent> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new RegistryAvroSerializer<>(Topics.HR_LIFECYCLE_EVENTS, registryUrl))) {
            int written = 0;
            for (ScheduledEvent scheduled : feed) {
                HrLifecycleEvent event = envelopes.envelope(scheduled);
                producer.send(new ProducerRecord<>(Topics.HR_LIFECYCLE_EVENTS.name(), event.getPersonId(), event),
                        (metadata, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, e);
                            }
                        });
                if (++written % 25_000 == 0) {
                    log.printf("  %,d events sent%n", written);
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " events were not written: " + firstFailure.get(),
                    firstFailure.get());
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
