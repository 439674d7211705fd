package dev.tenure.access.execution;

import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorSet;
import dev.tenure.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link CommandExecutionLoop} on its own thread from start-up to shutdown, with the connectors the
 * application provides (every {@link Connector} bean, by its target system).
 */
@ApplicationScoped
public class CommandExecutor {

    private static final Logger LOG = Logger.getLogger(CommandExecutor.class);

    @Inject
    ExecutorConfig config;

    @Inject
    ExecutionKafka kafka;

    @Inject
    MassChangeBrake brake;

    @Inject
    Clock clock;

    @Inject
    Instance<Connector> connectorBeans;

    /** Connectors configured as a set (one per SCIM application). */
    @Inject
    Instance<ConnectorSet> connectorSets;

    /** Static membership (see AccessConfig#instanceId): the executor's member is the instance id + "-executor". */
    @ConfigProperty(name = "tenure.access.instance-id")
    Optional<String> instanceId;

    private volatile CommandExecutionLoop loop;
    private volatile Thread thread;
    private volatile Throwable died;
    private volatile boolean stopping;

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("the executor is disabled (tenure.access.executor.enabled=false): access-commands are not carried out here");
            return;
        }
        Map<String, Connector> connectors = connectors();
        Backoff backoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay(),
                config.retry().giveUpAfter(), Math::random);
        CommandExecutionLoop.Settings settings = new CommandExecutionLoop.Settings(Topics.ACCESS_COMMANDS.name(),
                Topics.ACCESS_EVENTS.name(), ExecutionKafka.DEAD_LETTER_TOPIC, config.publishTimeout(),
                config.idlePoll(), config.processingBudget(), Duration.ofSeconds(10));
        Map<String, Object> consumerConfig = kafka.consumerConfig(config.groupId(), "access-service-executor");
        instanceId.ifPresent(id -> consumerConfig.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id + "-executor"));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig);
        loop = new CommandExecutionLoop(consumer, kafka.producer(), new RegistryCommandCodec(kafka.registryUrl()),
                connectors, brake, backoff, new Outcomes(), clock, Clock.systemUTC(), settings);
        Thread t = new Thread(this::runLoop, "access-executor");
        t.setUncaughtExceptionHandler((th, e) -> {
            died = e;
            LOG.error("the executor thread died; /q/health/live reports DOWN", e);
        });
        thread = t;
        t.start();
        LOG.infof("executor started: group %s (static member %s), connectors for %s, retries %s doubling to %s for up "
                        + "to %s, brake at more than %d %s per target in %s", config.groupId(),
                consumerConfig.getOrDefault(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "none"), connectors.keySet(),
                config.retry().initialDelay(), config.retry().maxDelay(), config.retry().giveUpAfter(),
                brake.threshold(), brake.snapshot().steps(), brake.window());
    }

    private void runLoop() {
        if (config.createDeadLetterTopic()) {
            ensureDeadLetterTopic();
        }
        restoreBrake();
        loop.run();
    }

    /**
     * Engages the brake at once if the group's committed offsets say it was engaged before this process started, so
     * the API shows it from the first moment (the loop checks again when it gets its partitions).
     */
    private void restoreBrake() {
        try (Admin admin = Admin.create(kafka.base())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            CommandExecutionLoop.restoreBrake(brake, committed, clock);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("could not read the committed offsets of %s at start-up (the brake is checked again when the "
                    + "partitions are assigned): %s", config.groupId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        CommandExecutionLoop current = loop;
        Thread t = thread;
        if (current == null || t == null) {
            return;
        }
        current.stop();
        try {
            t.join(config.shutdownTimeout().toMillis());
            if (t.isAlive()) {
                LOG.warnf("the executor did not stop within %s", config.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the loop is running (or deliberately not): false only if its thread has died. */
    public boolean alive() {
        Thread t = thread;
        return !config.enabled() || stopping || (t != null && t.isAlive());
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Optional<Throwable> deathCause() {
        return Optional.ofNullable(died);
    }

    public Optional<CommandExecutionLoop.Status> status() {
        CommandExecutionLoop current = loop;
        return current == null ? Optional.empty() : Optional.of(current.status());
    }

    private Map<String, Connector> connectors() {
        Map<String, Connector> byTarget = new TreeMap<>();
        List<Connector> all = new ArrayList<>();
        connectorBeans.forEach(all::add);
        connectorSets.forEach(set -> all.addAll(set.connectors()));
        for (Connector connector : all) {
            Connector previous = byTarget.put(connector.targetSystem(), connector);
            if (previous != null) {
                throw new IllegalStateException("two connectors serve target " + connector.targetSystem() + ": "
                        + previous.getClass().getName() + " and " + connector.getClass().getName());
            }
        }
        if (byTarget.isEmpty()) {
            LOG.warn("no connector is configured: every command will fail with \"no connector for target ...\"");
        }
        return byTarget;
    }

    /** Creates the dead-letter topic, partitioned like access-commands and kept until deleted, if it is missing. */
    private void ensureDeadLetterTopic() {
        try (Admin admin = Admin.create(kafka.base())) {
            NewTopic topic = new NewTopic(ExecutionKafka.DEAD_LETTER_TOPIC, Optional.of(Topics.ACCESS_COMMANDS.partitions()),
                    Optional.empty()).configs(Map.of("retention.ms", "-1"));
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("created the dead-letter topic %s", ExecutionKafka.DEAD_LETTER_TOPIC);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create the dead-letter topic %s (dead letters wait until it exists): %s",
                        ExecutionKafka.DEAD_LETTER_TOPIC, e.getCause().toString());
            }
        } catch (TimeoutException | RuntimeException e) {
            LOG.warnf("could not create the dead-letter topic %s (dead letters wait until it exists): %s",
                    ExecutionKafka.DEAD_LETTER_TOPIC, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
