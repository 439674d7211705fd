package dev.tenure.tools.bench.sle;

import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.bench.BenchmarkFeeds;
import dev.tenure.tools.bench.planner.HistoricalEnvelopes;
import dev.tenure.tools.feed.ScheduledEvent;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The SLE benchmark's history: a fresh sample feed (its own run tag and seed) as the intake published it on
 * {@code hr-lifecycle-events}, plus what access-service and equipment-service would have written for it
 * ({@link ServiceOutputs}) on {@code access-commands}, {@code access-events} and {@code equipment-events}, all up to
 * now, in the order it happened, cut to exactly the number of records asked for. Written with the registry's Avro
 * serializer, keyed by person id, acks=all, before the service starts (not measured).
 */
public final class SleReplay {

    /** The four topics the SLE topology reads. */
    public static final List<String> INPUTS = List.of(Topics.HR_LIFECYCLE_EVENTS.name(), Topics.ACCESS_COMMANDS.name(),
            Topics.ACCESS_EVENTS.name(), Topics.EQUIPMENT_EVENTS.name());

    private final List<ReplayRecord> records;

    private SleReplay(List<ReplayRecord> records) {
        this.records = records;
    }

    /**
     * The first {@code count} records (in time order) of a feed sized so that its history up to {@code now} has about
     * that many: a small feed first tells how many records a person makes.
     */
    public static SleReplay generate(BenchmarkFeeds feeds, int count, Instant now, long seed, PrintStream log) {
        int sample = 2_000;
        double perPerson = (double) history(feeds.ofPeople(sample), now, seed).size() / sample;
        int people = (int) Math.ceil(count / perPerson * 1.03);
        while (true) {
            log.printf("  a year of %,d people (%.1f records a person)%n", people, perPerson);
            List<ReplayRecord> all = history(feeds.ofPeople(people), now, seed);
            if (all.size() >= count) {
                return new SleReplay(new ArrayList<>(all.subList(0, count)));
            }
            people = (int) Math.ceil(people * 1.05 * count / Math.max(1, all.size()));
        }
    }

    /** Every record of the feed's history up to {@code now}, in time order (an event before what it caused). */
    static List<ReplayRecord> history(List<ScheduledEvent> feed, Instant now, long seed) {
        HistoricalEnvelopes envelopes = new HistoricalEnvelopes();
        ServiceOutputs outputs = new ServiceOutputs(feed, now, seed);
        List<ReplayRecord> records = new ArrayList<>(feed.size() * 14);
        for (ScheduledEvent scheduled : feed) {
            if (scheduled.submitAt().isAfter(now)) {
                break;
            }
            HrLifecycleEvent envelope = envelopes.envelope(scheduled);
            records.add(new ReplayRecord(Topics.HR_LIFECYCLE_EVENTS.name(), envelope.getPersonId(),
                    scheduled.submitAt(), envelope));
            records.addAll(outputs.of(scheduled, envelope));
        }
        records.sort(Comparator.comparing(ReplayRecord::at)); // stable: a cause stays before its effects
        return records;
    }

    public List<ReplayRecord> records() {
        return records;
    }

    /** Records per topic, in the order of {@link #INPUTS}. */
    public static Map<String, Long> perTopic(List<ReplayRecord> records) {
        Map<String, Long> counts = new LinkedHashMap<>();
        INPUTS.forEach(topic -> counts.put(topic, 0L));
        records.forEach(r -> counts.merge(r.topic(), 1L, Long::sum));
        return counts;
    }

    /** Records per HR event type (the payload's class), for the report. */
    public static Map<String, Long> lifecycleMix(List<ReplayRecord> records) {
        Map<String, Long> mix = new LinkedHashMap<>();
        records.stream().filter(r -> r.value() instanceof HrLifecycleEvent)
                .map(r -> ((HrLifecycleEvent) r.value()).getPayload().getClass().getSimpleName()).sorted()
                .forEach(type -> mix.merge(type, 1L, Long::sum));
        return mix;
    }

    /** Writes every record in order, serialized as its topic's single writer would; returns the seconds it took. */
    public double write(String bootstrapServers, String registryUrl, PrintStream log) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "tenure-bench-sle-history");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        Map<String, RegistryAvroSerializer<SpecificRecord>> serializers = new HashMap<>();
        for (TopicSpec<?> topic : List.of(Topics.HR_LIFECYCLE_EVENTS, Topics.ACCESS_COMMANDS, Topics.ACCESS_EVENTS,
                Topics.EQUIPMENT_EVENTS)) {
            @SuppressWarnings("unchecked")
            TopicSpec<SpecificRecord> spec = (TopicSpec<SpecificRecord>) topic;
            serializers.put(topic.name(), new RegistryAvroSerializer<>(spec, registryUrl));
        }
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            int written = 0;
            for (ReplayRecord r : records) {
                byte[] value = serializers.get(r.topic()).serialize(r.topic(), r.value());
                producer.send(new ProducerRecord<>(r.topic(), r.key(), value), (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
                if (++written % 100_000 == 0) {
                    log.printf("  %,d records sent%n", written);
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records were not written: " + firstFailure.get(),
                    firstFailure.get());
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
