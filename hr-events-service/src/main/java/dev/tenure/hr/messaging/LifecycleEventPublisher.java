package dev.tenure.hr.messaging;

import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single writer of {@code hr-lifecycle-events}. Every record is keyed by person id, written
 * with acks=all by an idempotent producer, and acknowledged to the caller only once the broker
 * has it. A CSV import goes out in one Kafka transaction: all rows or none.
 */
@ApplicationScoped
public class LifecycleEventPublisher {

    private static final String TOPIC = Topics.HR_LIFECYCLE_EVENTS.name();

    @Inject
    KafkaClientSettings settings;

    @ConfigProperty(name = "tenure.intake.publish-timeout", defaultValue = "10s")
    Duration publishTimeout;

    @ConfigProperty(name = "tenure.intake.transactional-id")
    String transactionalId;

    private volatile KafkaProducer<String, HrLifecycleEvent> producer;
    /** Sends imports already encoded: the encoding is done on every core before the transaction opens. */
    private KafkaProducer<String, byte[]> transactionalProducer;
    private volatile RegistryAvroSerializer<HrLifecycleEvent> importEncoder;
    private final ReentrantLock importLock = new ReentrantLock();

    /** Publishes one event and waits for the broker to have it. */
    public PublishedRecord publish(HrLifecycleEvent event) throws BrokerUnavailableException {
        Future<RecordMetadata> sent;
        try {
            sent = producer().send(record(event));
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException("the broker did not take the record: " + e.getMessage(), e);
        }
        RecordMetadata metadata = awaitAck(sent);
        return new PublishedRecord(event, metadata.partition(), metadata.offset());
    }

    /** Publishes all events in one transaction, in order; none is visible unless all are. */
    public List<PublishedRecord> publishAtomically(List<HrLifecycleEvent> events) throws BrokerUnavailableException {
        List<byte[]> values = encode(events);
        importLock.lock();
        try {
            KafkaProducer<String, byte[]> tx = transactionalProducer();
            try {
                tx.beginTransaction();
                List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    sent.add(tx.send(new ProducerRecord<>(TOPIC, events.get(i).getPersonId(), values.get(i))));
                }
                tx.commitTransaction();
                List<PublishedRecord> published = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    RecordMetadata metadata = awaitAck(sent.get(i));
                    published.add(new PublishedRecord(events.get(i), metadata.partition(), metadata.offset()));
                }
                return published;
            } catch (RuntimeException e) {
                abandon(tx);
                throw new BrokerUnavailableException("the import's transaction did not commit: " + e.getMessage(), e);
            }
        } finally {
            importLock.unlock();
        }
    }

    /** Avro-encodes the events in parallel, in order: most of an import's CPU, and independent record by record. */
    private List<byte[]> encode(List<HrLifecycleEvent> events) throws BrokerUnavailableException {
        RegistryAvroSerializer<HrLifecycleEvent> encoder = importEncoder;
        if (encoder == null) {
            encoder = new RegistryAvroSerializer<>(Topics.HR_LIFECYCLE_EVENTS, settings.registryUrl());
            importEncoder = encoder;
        }
        RegistryAvroSerializer<HrLifecycleEvent> chosen = encoder;
        try {
            return events.parallelStream().map(event -> chosen.serialize(TOPIC, event)).toList();
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException("the import could not be encoded against the schema registry: "
                    + e.getMessage(), e);
        }
    }

    private ProducerRecord<String, HrLifecycleEvent> record(HrLifecycleEvent event) {
        return new ProducerRecord<>(TOPIC, event.getPersonId(), event);
    }

    private RecordMetadata awaitAck(Future<RecordMetadata> sent) throws BrokerUnavailableException {
        try {
            return sent.get(publishTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException("the broker did not confirm the record: " + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BrokerUnavailableException("the broker did not confirm the record in " + publishTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for the broker", e);
        }
    }

    private KafkaProducer<String, HrLifecycleEvent> producer() {
        KafkaProducer<String, HrLifecycleEvent> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = newProducer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 1));
                }
                current = producer;
            }
        }
        return current;
    }

    /** Created on the first import, so a service started while the broker is down still starts. */
    private KafkaProducer<String, byte[]> transactionalProducer() {
        if (transactionalProducer == null) {
            KafkaProducer<String, byte[]> tx = new KafkaProducer<>(producerConfig(Map.of(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)), new StringSerializer(), new ByteArraySerializer());
            try {
                tx.initTransactions();
            } catch (RuntimeException e) {
                tx.close(Duration.ZERO);
                throw e;
            }
            transactionalProducer = tx;
        }
        return transactionalProducer;
    }

    /** Aborts; a producer that cannot even abort (fenced, timed out) is replaced on next use. */
    private void abandon(KafkaProducer<String, byte[]> tx) {
        try {
            tx.abortTransaction();
        } catch (RuntimeException abortFailed) {
            tx.close(Duration.ZERO);
            transactionalProducer = null;
        }
    }

    private KafkaProducer<String, HrLifecycleEvent> newProducer(Map<String, Object> extra) {
        return new KafkaProducer<>(producerConfig(extra), new StringSerializer(),
                new RegistryAvroSerializer<>(Topics.HR_LIFECYCLE_EVENTS, settings.registryUrl()));
    }

    private Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> props = settings.base();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Bounded waits: a broker that is down becomes a 503 with Retry-After, not a hung request.
        int timeout = (int) publishTimeout.toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(timeout * 3, 30_000));
        props.putAll(extra);
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (transactionalProducer != null) {
            transactionalProducer.close(Duration.ofSeconds(5));
        }
    }
}
