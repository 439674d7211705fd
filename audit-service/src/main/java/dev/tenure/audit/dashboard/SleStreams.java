package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.config.SleConfig;
import dev.tenure.audit.sle.domain.SleCaseRules;
import dev.tenure.audit.sle.streams.SleSerdes;
import dev.tenure.audit.sle.streams.SleTopology;
import dev.tenure.audit.streams.StateDirectory;
import dev.tenure.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the SLE compliance topology ({@link SleTopology}) as this service's Kafka Streams application
 * ({@code tenure.audit.sle-streams.application-id}), exactly once, advertising this instance's HTTP address as
 * {@code application.server} so the dashboard's queries find the owner of any key. It starts once its input and
 * output topics exist.
 *
 * <p>Written while the audit chain ({@code AuditChainStreams}) was still on its branch; the chain runs as an
 * application of its own, so the two stay separate instances (see the README, "Dashboard").
 */
@ApplicationScoped
public class SleStreams {

    private static final Logger LOG = Logger.getLogger(SleStreams.class);
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(1);
    private static final List<String> TOPICS = List.of(Topics.HR_LIFECYCLE_EVENTS.name(),
            Topics.ACCESS_COMMANDS.name(), Topics.ACCESS_EVENTS.name(), Topics.EQUIPMENT_EVENTS.name(),
            Topics.SLE_CASE_STATUS.name(), Topics.SLE_COMPLIANCE.name());

    @Inject
    Clock clock;

    @Inject
    SleConfig sle;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tenure.registry.url")
    String registryUrl;

    @ConfigProperty(name = "tenure.audit.sle-streams.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "tenure.audit.sle-streams.application-id")
    String applicationId;

    @ConfigProperty(name = "tenure.audit.sle-streams.state-dir")
    String stateDir;

    @ConfigProperty(name = "tenure.audit.sle-streams.commit-interval")
    Duration commitInterval;

    /** The host other instances reach this one at. */
    @ConfigProperty(name = "tenure.audit.sle-streams.advertised-host")
    String advertisedHost;

    /** The port other instances reach this one at; unset: the HTTP port this instance listens on. */
    @ConfigProperty(name = "tenure.audit.sle-streams.advertised-port")
    Optional<Integer> advertisedPort;

    private final CompletableFuture<Integer> httpPort = new CompletableFuture<>();
    private volatile KafkaStreams streams;
    private volatile HostInfo self;
    private volatile String problem = "starting";
    private volatile boolean stopping;
    private Thread starter;

    void listening(@Observes HttpServerStart start) {
        int port = start.options().getPort();
        if (port > 0) {
            httpPort.complete(port);
        }
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            problem = "disabled (tenure.audit.sle-streams.enabled=false)";
            return;
        }
        starter = new Thread(this::awaitThenRun, "sle-streams-starter");
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

    /** The running application, or empty before it started. */
    public Optional<KafkaStreams> streams() {
        return Optional.ofNullable(streams);
    }

    /** This instance's {@code application.server}, or null before it started. */
    public HostInfo self() {
        return self;
    }

    /** Why the topology does not run yet, or null once started. */
    public String problem() {
        return problem;
    }

    private void awaitThenRun() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int port = advertisedPort.isPresent() ? advertisedPort.get() : listeningPort();
            while (!stopping && !topicsExist(admin)) {
                Thread.sleep(TOPIC_WAIT.toMillis());
            }
            if (!stopping) {
                run(new HostInfo(advertisedHost, port));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            problem = "could not start: " + e;
            LOG.error("SLE topology not started", e);
        }
    }

    /** The HTTP port this instance listens on: from the server's start, else the port Quarkus says it bound. */
    private int listeningPort() throws InterruptedException {
        try {
            return httpPort.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            String key = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST
                    ? "quarkus.http.test-port" : "quarkus.http.port";
            int port = Integer.getInteger(key, config.getOptionalValue(key, Integer.class).orElse(0));
            if (port <= 0) {
                throw new IllegalStateException("cannot tell this instance's HTTP port: set "
                        + "tenure.audit.sle-streams.advertised-port");
            }
            return port;
        }
    }

    private boolean topicsExist(Admin admin) throws InterruptedException {
        try {
            admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            problem = "waiting for topics " + TOPICS + ": " + e.getMessage();
            return false;
        }
    }

    private void run(HostInfo host) {
        Topology topology = SleTopology.build(new SleCaseRules(sle.settings()), clock, sle.checkInterval(),
                SleSerdes.withRegistry(registryUrl));
        KafkaStreams started = new KafkaStreams(topology, properties(host));
        started.setUncaughtExceptionHandler(e -> {
            LOG.error("the SLE topology stopped: compliance is not measured until the service restarts", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        self = host;
        streams = started;
        problem = null;
        started.start();
        LOG.infof("SLE topology started (application id %s, application.server %s:%d)", applicationId, host.host(),
                host.port());
    }

    private Properties properties(HostInfo host) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
        props.put(StreamsConfig.STATE_DIR_CONFIG, StateDirectory.ensure(stateDir));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }
}
