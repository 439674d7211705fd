package dev.tenure.audit.support;

import static io.restassured.RestAssured.given;

import dev.tenure.audit.domain.LoggedEntry;
import dev.tenure.audit.log.AuditLogReader;
import dev.tenure.schemas.audit.AuditRecord;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The real topics as the tests use them: events published as their writers do, the audit log read and copied. */
public final class AuditLogTopics {

    private AuditLogTopics() {
    }

    public static AuditLogReader reader() {
        return new AuditLogReader(TenurePeers.shared().bootstrapServers(), TenurePeers.shared().registryUrl());
    }

    /** Publishes records of one topic, keyed by person, as their writer would (registry framing, acks=all). */
    public static <T extends SpecificRecord> void publish(String topic, Class<T> type, Map<String, T> byKey) {
        publish(serialized(topic, type, byKey.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList()), topic);
    }

    /** The records' values in the registry's framing, for a producer of bytes. */
    public static <T extends SpecificRecord> List<ProducerRecord<String, byte[]>> serialized(
            String topic, Class<T> type, Collection<Map.Entry<String, T>> records) {
        @SuppressWarnings("unchecked")
        var spec = (dev.tenure.schemas.topics.TopicSpec<T>) Topics.ALL.stream().filter(t -> t.name().equals(topic))
                .findFirst().orElseThrow();
        RegistryAvroSerializer<T> serializer = new RegistryAvroSerializer<>(spec, TenurePeers.shared().registryUrl());
        return records.stream().map(r -> new ProducerRecord<>(topic, r.getKey(), serializer.serialize(topic,
                r.getValue()))).toList();
    }

    public static void publish(List<ProducerRecord<String, byte[]>> records, String what) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot publish " + what + ": " + e, e);
        }
    }

    public static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Waits until the audit log holds a record caused by each of {@code eventIds}; answers the log then. */
    public static Map<Integer, List<LoggedEntry>> awaitAudited(Set<String> eventIds, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<Integer, List<LoggedEntry>> log = reader().readAll(Topics.AUDIT_LOG.name());
            Set<String> audited = log.values().stream().flatMap(List::stream)
                    .map(l -> l.entry().causationId()).collect(Collectors.toSet());
            long missing = eventIds.stream().filter(id -> !audited.contains(id)).count();
            if (missing == 0) {
                return log;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missing + " of " + eventIds.size() + " events not audited in "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    /** Waits until the latest checkpoint of every non-empty chain is its head. */
    public static void awaitCheckpointed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var log = reader().readAll(Topics.AUDIT_LOG.name());
            var latest = reader().latestCheckpoints(Topics.AUDIT_CHECKPOINTS.name());
            boolean covered = log.entrySet().stream().filter(e -> !e.getValue().isEmpty()).allMatch(e -> {
                var head = e.getValue().get(e.getValue().size() - 1).entry();
                var checkpoint = latest.get(e.getKey());
                return checkpoint != null && checkpoint.sequence() == head.sequence();
            });
            if (covered) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the checkpoints did not reach the heads in " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Copies the committed records of audit-log to a new topic {@code target}, each partition to the same partition,
     * as {@code change} makes of its list of records (untouched, one edited, one dropped, two swapped ...).
     */
    public static void copy(String target, UnaryOperator<List<ConsumerRecord<String, byte[]>>> change) {
        TenurePeers peers = TenurePeers.shared();
        peers.createTopic(target, Topics.AUDIT_LOG.partitions(), Map.of());
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()); KafkaProducer<String, byte[]> producer = producer()) {
            for (int p = 0; p < Topics.AUDIT_LOG.partitions(); p++) {
                TopicPartition tp = new TopicPartition(Topics.AUDIT_LOG.name(), p);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                while (consumer.position(tp) < end) {
                    consumer.poll(Duration.ofMillis(500)).records(tp).forEach(records::add);
                }
                for (ConsumerRecord<String, byte[]> r : change.apply(records)) {
                    producer.send(new ProducerRecord<>(target, p, r.key(), r.value()));
                }
            }
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy the audit log to " + target + ": " + e, e);
        }
    }

    /** The record with its AuditRecord changed by {@code edit}, re-serialized as the audit service writes it. */
    public static ConsumerRecord<String, byte[]> edited(ConsumerRecord<String, byte[]> record,
                                                        UnaryOperator<AuditRecord> edit) {
        String registry = TenurePeers.shared().registryUrl();
        AuditRecord value = new RegistryAvroDeserializer<>(AuditRecord.class, registry)
                .deserialize(record.topic(), record.value());
        byte[] bytes = new RegistryAvroSerializer<>(Topics.AUDIT_LOG, registry).serialize(record.topic(),
                edit.apply(value));
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(), bytes);
    }

    /** Waits until the service answers ready (the chain runs). */
    public static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready in 90 s: " + given().when().get("/q/health/ready").asString());
            }
            Thread.sleep(200);
        }
    }
}
