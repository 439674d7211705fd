package dev.tenure.testkit;

import dev.tenure.peers.ApicurioRegistry;
import dev.tenure.peers.KafkaBroker;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.PeerDistributions;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.Ports;
import dev.tenure.peers.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker and a real Apicurio Registry for any module's tests.
 * <p>
 * By default {@link #shared()} starts one of each per test JVM, as child processes on free ports,
 * in a folder under {@code java.io.tmpdir}; they end with the JVM however it ends (a supervisor
 * stops them and deletes the folder even after {@code kill -9}). Set
 * {@value #BOOTSTRAP_ENV} and {@value #REGISTRY_ENV} to run the same tests against an existing
 * cluster and registry instead (a team's own Kafka, or containers where Docker exists).
 */
public final class TenurePeers {

    public static final String BOOTSTRAP_ENV = "TENURE_TEST_KAFKA_BOOTSTRAP_SERVERS";
    public static final String REGISTRY_ENV = "TENURE_TEST_REGISTRY_URL";
    static final Path WORK_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "tenure-testkit");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static TenurePeers shared;

    private final String bootstrapServers;
    private final String registryUrl;
    private final Optional<Started> started;

    /** What this JVM started, when it started anything. */
    record Started(KafkaBroker broker, ApicurioRegistry registry, Path workDir) {
    }

    private TenurePeers(String bootstrapServers, String registryUrl, Optional<Started> started) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.started = started;
    }

    /** The broker and registry of this test JVM, started on first use. */
    public static synchronized TenurePeers shared() {
        if (shared == null) {
            shared = from(System.getenv());
        }
        return shared;
    }

    /** Existing peers when the environment names them; otherwise freshly started ones. */
    public static TenurePeers from(Map<String, String> env) {
        String bootstrap = env.get(BOOTSTRAP_ENV);
        String registry = env.get(REGISTRY_ENV);
        if (bootstrap != null || registry != null) {
            return existing(bootstrap, registry);
        }
        return startOwn(env);
    }

    static TenurePeers existing(String bootstrap, String registry) {
        if (bootstrap == null || bootstrap.isBlank() || registry == null || registry.isBlank()) {
            throw new PeerException("set both " + BOOTSTRAP_ENV + " and " + REGISTRY_ENV
                    + " to use existing peers, or neither to start them");
        }
        if (!KafkaBroker.answers(bootstrap)) {
            throw new PeerException(BOOTSTRAP_ENV + "=" + bootstrap + " does not answer as a Kafka cluster");
        }
        if (!ApicurioRegistry.answers(registry)) {
            throw new PeerException(REGISTRY_ENV + "=" + registry
                    + " does not answer as an Apicurio Registry v3 API (expected e.g. http://host:8080/apis/registry/v3)");
        }
        return new TenurePeers(bootstrap, registry, Optional.empty());
    }

    private static TenurePeers startOwn(Map<String, String> env) {
        removeLeftoversOfDeadRuns();
        Path workDir = createWorkDir();
        PeerDistributions distributions = PeerDistributions.fromBuild(env);
        // The supervisors delete each server's folder when this JVM ends, whichever way it ends.
        KafkaBroker broker = KafkaBroker.start(distributions, new KafkaBroker.Settings(
                workDir.resolve("kafka"), workDir.resolve("kafka/broker.log"), Ports.free(), Ports.free(), "384m",
                Lifetime.boundToThisJvm(workDir.resolve("kafka"))));
        ApicurioRegistry registry;
        try {
            registry = ApicurioRegistry.start(distributions, new ApicurioRegistry.Settings(
                    workDir.resolve("registry"), workDir.resolve("registry/registry.log"), Ports.free(), Ports.free(), false,
                    Lifetime.boundToThisJvm(workDir.resolve("registry"))), env);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        Started started = new Started(broker, registry, workDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "tenure-testkit-stop"));
        // Both start at once; each takes a few seconds on two cores.
        broker.awaitReady(START_TIMEOUT);
        registry.awaitReady(START_TIMEOUT);
        return new TenurePeers(broker.bootstrapServers(), registry.apiUrl(), Optional.of(started));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry's v3 API base URL, e.g. {@code http://127.0.0.1:PORT/apis/registry/v3}. */
    public String registryUrl() {
        return registryUrl;
    }

    /** True when this JVM started the peers (false when the environment named existing ones). */
    public boolean startedHere() {
        return started.isPresent();
    }

    /** The pids of the broker and registry servers this JVM started (empty for existing peers). */
    public List<Long> serverPids() {
        return started.map(s -> Stream.of(s.broker().process(), s.registry().process())
                        .map(p -> p.serverPid().orElse(-1L)).toList())
                .orElse(List.of());
    }

    /** Where this JVM keeps the started peers' data, if it started any. */
    public Optional<Path> workDir() {
        return started.map(Started::workDir);
    }

    /** Creates a topic unless it exists (the broker does not auto-create topics). */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name + ": " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name + ": " + e.getMessage(), e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }

    private static void stop(Started started) {
        started.registry().close();
        started.broker().close();
        deleteQuietly(started.workDir());
    }

    private static Path createWorkDir() {
        try {
            Files.createDirectories(WORK_ROOT);
            return Files.createTempDirectory(WORK_ROOT, ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder under " + WORK_ROOT, e);
        }
    }

    /** Folders are named {@code <pid>-...}: a folder whose JVM no longer runs is a leftover. */
    static void removeLeftoversOfDeadRuns() {
        if (!Files.isDirectory(WORK_ROOT)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(WORK_ROOT)) {
            dirs.filter(dir -> ownerPid(dir).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false))
                    .forEach(TenurePeers::deleteQuietly);
        } catch (IOException e) {
            // nothing to clean is no reason to fail a test run
        }
    }

    private static Optional<Long> ownerPid(Path dir) {
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            return dash > 0 ? Optional.of(Long.parseLong(name.substring(0, dash))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        Folders.deleteRecursively(dir);
    }
}
