package dev.tenure.access.manual.store;

import dev.tenure.access.manual.ManualTask;
import dev.tenure.access.manual.TaskStore;
import dev.tenure.access.manual.TaskTransitions.Kind;
import dev.tenure.access.messaging.TopicFollower;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * The manual tasks on {@code access-manual-tasks} (compacted, keyed by task id): every instance reads the whole topic
 * at start-up — {@link #ready()} once it reached the end offsets it saw first — and follows it, with a consumer of no
 * group, so every instance holds every task. A change is written as one Kafka transaction holding the task's new state
 * and its outcome on {@code access-events} (so they cannot diverge), and shown in this instance's view once committed;
 * the view keeps the highest version of each task.
 */
public final class KafkaTaskStore implements TaskStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaTaskStore.class);
    private static final String TOPIC = Topics.ACCESS_MANUAL_TASKS.name();

    private final Map<String, Object> base;
    private final String transactionalId;
    private final Duration publishTimeout;
    private final Clock clock;
    private final RegistryAvroSerializer<dev.tenure.schemas.access.ManualTask> taskWriter;
    private final RegistryAvroSerializer<AccessEvent> eventWriter;
    private final RegistryAvroDeserializer<dev.tenure.schemas.access.ManualTask> taskReader;
    private final Map<String, ManualTask> view = new ConcurrentHashMap<>();
    private final TopicFollower follower;
    private KafkaProducer<byte[], byte[]> producer;

    /**
     * @param base            the shared Kafka client settings (bootstrap servers, security)
     * @param transactionalId this instance's transactional id (stable per instance, unique across live instances)
     * @param clock           the service's clock, for the records' occurredAt
     */
    public KafkaTaskStore(Map<String, Object> base, String registryUrl, String transactionalId,
                          Duration publishTimeout, Clock clock) {
        this.base = Map.copyOf(base);
        this.transactionalId = transactionalId;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
        this.taskWriter = new RegistryAvroSerializer<>(Topics.ACCESS_MANUAL_TASKS, registryUrl);
        this.eventWriter = new RegistryAvroSerializer<>(Topics.ACCESS_EVENTS, registryUrl);
        this.taskReader = new RegistryAvroDeserializer<>(dev.tenure.schemas.access.ManualTask.class, registryUrl);
        this.follower = new TopicFollower(TOPIC, this::consumer, Duration.ofMillis(200), this::accept,
                () -> LOG.infof("manual tasks read: %d on %s", view.size(), TOPIC));
    }

    /** Creates the topic if it is missing, then reads it on a thread of its own and keeps following it. */
    public void start() {
        follower.start("access-manual-tasks", this::ensureTopic);
    }

    @Override
    public boolean ready() {
        return follower.caughtUp();
    }

    @Override
    public Optional<ManualTask> find(String taskId) {
        return Optional.ofNullable(view.get(taskId));
    }

    @Override
    public Collection<ManualTask> all() {
        return List.copyOf(view.values());
    }

    @Override
    public synchronized void write(ManualTask task, Kind kind, String actor, Instant effectiveAt)
            throws StoreException {
        Instant now = clock.instant();
        byte[] taskBytes;
        byte[] eventBytes = null;
        AccessEvent event = ManualTaskRecords.outcome(task, kind, actor, effectiveAt, now);
        try {
            taskBytes = taskWriter.serialize(TOPIC, ManualTaskRecords.toRecord(task, now));
            if (event != null) {
                eventBytes = eventWriter.serialize(Topics.ACCESS_EVENTS.name(), event);
            }
        } catch (RuntimeException e) {
            throw new StoreException("the records could not be written (registry?): " + e.getMessage(), e);
        }
        KafkaProducer<byte[], byte[]> p;
        try {
            p = producer();
            p.beginTransaction();
        } catch (KafkaException e) {
            resetProducer();
            throw new StoreException("no transaction could be started: " + e, e);
        }
        try {
            var sentTask = p.send(new ProducerRecord<>(TOPIC, utf8(task.taskId()), taskBytes));
            var sentEvent = eventBytes == null ? null
                    : p.send(new ProducerRecord<>(Topics.ACCESS_EVENTS.name(), utf8(task.personId()), eventBytes));
            p.commitTransaction();
            sentTask.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (sentEvent != null) {
                sentEvent.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ProducerFencedException e) {
            resetProducer();
            throw new StoreException("another instance uses transactional id " + transactionalId + ": " + e, e);
        } catch (Exception e) {
            try {
                p.abortTransaction();
            } catch (RuntimeException abortFailed) {
                resetProducer();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new StoreException("the broker did not take the change of task " + task.taskId() + ": " + e, e);
        }
        keep(task);
        LOG.debugf("task %s v%d %s by %s", task.taskId(), task.version(), kind, actor);
    }

    private void keep(ManualTask task) {
        view.merge(task.taskId(), task, (old, neu) -> neu.version() >= old.version() ? neu : old);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(base);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "access-service-manual-tasks");
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            int timeout = (int) Math.min(Integer.MAX_VALUE, publishTimeout.toMillis());
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, 2000));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
            KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(props, new ByteArraySerializer(),
                    new ByteArraySerializer());
            try {
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void resetProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // being replaced
            }
            producer = null;
        }
    }

    // ---- the view

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "access-service-manual-tasks");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) {
        String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        if (r.value() == null) {
            if (id != null) {
                view.remove(id);
            }
            return;
        }
        try {
            keep(ManualTaskRecords.fromRecord(taskReader.deserialize(TOPIC, r.value())));
        } catch (RuntimeException e) {
            LOG.errorf("%s %d/%d (task %s) cannot be read and is left out of the view: %s", TOPIC, r.partition(),
                    r.offset(), id, e.toString());
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(base)) {
            NewTopic topic = new NewTopic(TOPIC, Optional.of(Topics.ACCESS_MANUAL_TASKS.partitions()), Optional.empty())
                    .configs(Topics.ACCESS_MANUAL_TASKS.configs());
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("created %s", TOPIC);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create %s (waiting for it to exist): %s", TOPIC, e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not create %s (waiting for it to exist): %s", TOPIC, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        follower.close();
        resetProducer();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
