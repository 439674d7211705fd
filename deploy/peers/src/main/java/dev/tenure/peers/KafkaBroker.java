package dev.tenure.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * Kafka's own Maven Central jars as a supervised child process. Its data stays in one folder:
 * {@code kafka-logs/} (the partitions), {@code server.properties}, {@code cluster.id}.
 */
public final class KafkaBroker implements AutoCloseable {

    /** What to run. {@code heap} is a JVM size such as "512m". */
    public record Settings(Path dataDir, Path logFile, int port, int controllerPort, String heap, Lifetime lifetime) {
    }

    private final Settings settings;
    private final SupervisedProcess process;

    private KafkaBroker(Settings settings, SupervisedProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Starts the process; call {@link #awaitReady} before using it. */
    public static KafkaBroker start(PeerDistributions distributions, Settings settings) {
        Ports.requireFree(settings.port(), "Kafka broker", "--kafka-port");
        Ports.requireFree(settings.controllerPort(), "Kafka controller", "--kafka-controller-port");
        String classpath = distributions.kafkaClasspath();
        Path dataDir = settings.dataDir().toAbsolutePath();
        Path config = writeConfig(settings, dataDir);
        formatStorageOnce(classpath, dataDir, config);

        List<String> command = new ArrayList<>(List.of(
                SupervisedProcess.currentJava().toString(), "-Xms64m", "-Xmx" + settings.heap(), "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + settings.logFile().toAbsolutePath().getParent(),
                "-cp", classpath, "kafka.Kafka", config.toString()));
        SupervisedProcess process = SupervisedProcess.start("kafka-broker", command, Map.of(), dataDir,
                settings.logFile().toAbsolutePath(), settings.lifetime());
        return new KafkaBroker(settings, process);
    }

    public KafkaBroker awaitReady(Duration timeout) {
        Readiness.await(process, timeout, this::answers);
        return this;
    }

    public String bootstrapServers() {
        return bootstrapServers(settings.port());
    }

    public static String bootstrapServers(int port) {
        return "127.0.0.1:" + port;
    }

    public SupervisedProcess process() {
        return process;
    }

    /** True when the broker answers a metadata request with a live node. */
    public static boolean answers(String bootstrapServers) {
        // A refused connection is answered at once; an admin client would retry it for its whole timeout.
        if (!acceptsConnections(bootstrapServers)) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        Admin admin = Admin.create(props);
        try {
            return !admin.describeCluster().nodes().get(1500, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        } finally {
            admin.close(Duration.ofMillis(200));
        }
    }

    private static boolean acceptsConnections(String bootstrapServers) {
        for (String server : bootstrapServers.split(",")) {
            int colon = server.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.substring(0, colon).trim(),
                        Integer.parseInt(server.substring(colon + 1).trim())), 500);
                return true;
            } catch (IOException | RuntimeException e) {
                // try the next one
            }
        }
        return false;
    }

    private boolean answers() {
        return answers(bootstrapServers());
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }

    private static Path writeConfig(Settings s, Path dataDir) {
        String listeners = "PLAINTEXT://127.0.0.1:" + s.port() + ",CONTROLLER://127.0.0.1:" + s.controllerPort();
        String server = String.join("\n",
                "# Written by Tenure's launcher on each start; edit the launcher's options, not this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + s.controllerPort(),
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + s.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("kafka-logs"),
                // Topics come from the catalogue, never from a typo in a producer.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.segment.bytes=67108864",
                "");
        String log4j = String.join("\n",
                "appender.console.type=Console",
                "appender.console.name=STDOUT",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.apache.name=org.apache.kafka",
                "logger.apache.level=WARN",
                "logger.started.name=kafka.server.KafkaRaftServer",
                "logger.started.level=INFO",
                "");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("log4j2.properties"), log4j);
            return Files.writeString(dataDir.resolve("server.properties"), server);
        } catch (IOException e) {
            throw new PeerException("cannot write to the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Formats the storage the first time; afterwards checks that it is still the storage of this
     * data folder's cluster, so a damaged folder fails with a clear line instead of a stack trace.
     */
    private static void formatStorageOnce(String classpath, Path dataDir, Path config) {
        Path clusterIdFile = dataDir.resolve("cluster.id");
        Path meta = dataDir.resolve("kafka-logs/meta.properties");
        try {
            if (Files.exists(meta)) {
                verifyStorage(dataDir, clusterIdFile, meta);
                return;
            }
            String clusterId = Uuid.randomUuid().toString();
            Files.writeString(clusterIdFile, clusterId);
            Process format = new ProcessBuilder(SupervisedProcess.currentJava().toString(), "-Xmx128m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"),
                    "-cp", classpath, "kafka.tools.StorageTool", "format", "--standalone",
                    "-t", clusterId, "-c", config.toString())
                    .redirectErrorStream(true).start();
            String output = new String(format.getInputStream().readAllBytes()).trim();
            if (format.waitFor() != 0) {
                throw new PeerException("could not format Kafka storage in " + dataDir + ": "
                        + output.lines().reduce((a, b) -> b).orElse("(no output)"));
            }
        } catch (IOException e) {
            throw new PeerException("cannot prepare the Kafka data directory " + dataDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted while formatting Kafka storage");
        }
    }

    /** Fails with one line when {@code dataDir} holds Kafka storage that is not usable. */
    public static void checkStorage(Path dataDir) {
        Path meta = dataDir.resolve("kafka-logs/meta.properties");
        if (Files.exists(meta)) {
            try {
                verifyStorage(dataDir, dataDir.resolve("cluster.id"), meta);
            } catch (IOException e) {
                throw new PeerException("cannot read the Kafka data in " + dataDir + ": " + e.getMessage(), e);
            }
        }
    }

    private static void verifyStorage(Path dataDir, Path clusterIdFile, Path meta) throws IOException {
        String damaged = "the Kafka data in " + dataDir + " is damaged (";
        String whatToDo = "); move that folder away or delete it to start afresh (its events are lost)";
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new PeerException(damaged + "unreadable " + meta.getFileName() + whatToDo);
        }
        String expected = Files.exists(clusterIdFile) ? Files.readString(clusterIdFile).trim() : null;
        String found = props.getProperty("cluster.id");
        if (found == null || !"1".equals(props.getProperty("node.id"))) {
            throw new PeerException(damaged + meta.getFileName() + " has no cluster.id or node.id" + whatToDo);
        }
        if (expected != null && !expected.equals(found)) {
            throw new PeerException(damaged + "cluster id " + found + " is not this folder's " + expected + whatToDo);
        }
    }
}
