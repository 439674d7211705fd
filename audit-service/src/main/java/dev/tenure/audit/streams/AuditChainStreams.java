package dev.tenure.audit.streams;

import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.audit.AuditCheckpoint;
import dev.tenure.schemas.audit.AuditRecord;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the audit chain as a Kafka Streams application of its own ({@code tenure.audit.chain.application-id}),
 * exactly once: it waits until the audited topics, audit-log and audit-checkpoints exist, checks that the audited
 * topics and audit-log have one partition count (one chain per partition, one task per chain), then starts. Its
 * {@link KafkaStreams} is not a CDI bean, so it never competes with another topology of this service.
 */
@ApplicationScoped
public class AuditChainStreams {

    private static final Logger LOG = Logger.getLogger(AuditChainStreams.class);
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tenure.registry.url")
    String registryUrl;

    @ConfigProperty(name = "tenure.audit.chain.application-id")
    String applicationId;

    @ConfigProperty(name = "tenure.audit.chain.state-dir")
    String stateDir;

    @ConfigProperty(name = "tenure.audit.chain.checkpoint-interval")
    Duration checkpointInterval;

    @ConfigProperty(name = "tenure.audit.chain.commit-interval")
    Duration commitInterval;

    @ConfigProperty(name = "tenure.audit.chain.enabled", defaultValue = "true")
    boolean enabled;

    /** Static membership: a restarted instance with the same id gets its partitions back without a rebalance. */
    @ConfigProperty(name = "tenure.audit.chain.instance-id")
    java.util.Optional<String> instanceId;

    private volatile KafkaStreams streams;
    private volatile String problem = "starting";
    private volatile boolean stopping;
    private Thread starter;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            problem = "disabled (tenure.audit.chain.enabled=false)";
            return;
        }
        starter = new Thread(this::awaitTopicsThenRun, "audit-chain-starter");
        starter.setDaemon(true);
        starter.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (starter != null) {
            starter.interrupt();
        }
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(10));
        }
    }

    /** The chain's Streams state, or null before it started. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? null : running.state();
    }

    /** Why the chain does not run yet (waiting for topics, a partition mismatch), or null when it was started. */
    public String problem() {
        return problem;
    }

    /** False on an instance configured without the chain ({@code tenure.audit.chain.enabled=false}: SLE only). */
    public boolean enabled() {
        return enabled;
    }

    private void awaitTopicsThenRun() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> needed = new ArrayList<>(AuditedTopics.NAMES);
            needed.add(Topics.AUDIT_LOG.name());
            needed.add(Topics.AUDIT_CHECKPOINTS.name());
            Map<String, Integer> partitions = null;
            while (!stopping && partitions == null) {
                partitions = partitionCounts(admin, needed);
                if (partitions == null) {
                    Thread.sleep(TOPIC_WAIT.toMillis());
                }
            }
            if (stopping) {
                return;
            }
            Map<String, Integer> chained = new TreeMap<>(partitions);
            chained.remove(Topics.AUDIT_CHECKPOINTS.name());
            if (chained.values().stream().distinct().count() != 1) {
                problem = "the audited topics and " + Topics.AUDIT_LOG.name()
                        + " must have one partition count (one chain per partition); they have " + chained;
                LOG.error("audit chain not started: " + problem);
                return;
            }
            run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problem = "could not start: " + e;
            LOG.error("audit chain not started", e);
        }
    }

    /** The partition count of each topic, or null while one is missing (or the broker does not answer). */
    private Map<String, Integer> partitionCounts(Admin admin, List<String> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<String, Integer> counts = new TreeMap<>();
            described.forEach((name, d) -> counts.put(name, d.partitions().size()));
            return counts;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            problem = "waiting for topics " + topics + ": " + e.getMessage();
            LOG.debugf("audit chain waiting: %s", problem);
            return null;
        }
    }

    private void run() {
        Topology topology = AuditChainTopology.build(new AuditChainTopology.Settings(
                new AuditedTopics(new RegistryAvroDeserializer<>(HrLifecycleEvent.class, registryUrl),
                        new RegistryAvroDeserializer<>(AccessEvent.class, registryUrl),
                        new RegistryAvroDeserializer<>(EquipmentEvent.class, registryUrl)),
                new RegistryAvroSerializer<AuditRecord>(Topics.AUDIT_LOG, registryUrl),
                new RegistryAvroSerializer<AuditCheckpoint>(Topics.AUDIT_CHECKPOINTS, registryUrl),
                clock, checkpointInterval));
        LOG.debugf("audit chain topology:%n%s", topology.describe());
        KafkaStreams started = new KafkaStreams(topology, properties());
        started.setUncaughtExceptionHandler(e -> {
            LOG.error("the audit chain stopped: nothing more is recorded until the service restarts", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams = started;
        problem = null;
        started.start();
        LOG.infof("audit chain started (application id %s, state in %s)", applicationId, stateDir);
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, StateDirectory.ensure(stateDir));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        instanceId.filter(id -> !id.isBlank()).ifPresent(id ->
                props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        return props;
    }
}
