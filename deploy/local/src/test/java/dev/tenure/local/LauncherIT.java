package dev.tenure.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.peers.Ports;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged launcher as an operator would: {@code java -jar tenure-local.jar up|status|down}. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target/tenure-local.jar");

    @TempDir
    Path dataDir;

    private final int kafkaPort = Ports.free();
    private final int registryPort = Ports.free();

    @AfterEach
    void downWhateverIsLeft() throws Exception {
        launcher(Map.of(), "down");
    }

    @Test
    void shouldBringUpBrokerRegistryTopicsAndSchemasIdempotentlyAndLeaveNothingBehindOnDown() throws Exception {
        // When the system comes up
        long began = System.nanoTime();
        Result up = launcher(Map.of(), "up");
        System.out.printf("launcher up (broker + registry + topics + schemas) took %d ms%n",
                (System.nanoTime() - began) / 1_000_000);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        List<Long> pids = recordedPids();
        assertThat(pids).hasSize(2).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());

        // Then every catalogue topic exists with its partitions, and every schema is registered
        TenurePeers existing = TenurePeers.from(Map.of(
                TenurePeers.BOOTSTRAP_ENV, "127.0.0.1:" + kafkaPort,
                TenurePeers.REGISTRY_ENV, "http://127.0.0.1:" + registryPort + "/apis/registry/v3"));
        try (Admin admin = existing.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(
                    Topics.ALL.stream().map(TopicSpec::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicSpec<?> topic : Topics.ALL) {
                assertThat(described.get(topic.name()).partitions()).hasSize(topic.partitions());
            }
        }
        String artifacts = get(existing.registryUrl() + "/groups/default/artifacts?limit=100");
        Topics.ALL.forEach(topic -> assertThat(artifacts).contains("\"" + topic.valueSchemaArtifactId() + "\""));

        // And the test kit's "existing peers" path works against it without starting anything
        assertThat(existing.startedHere()).isFalse();
        existing.createTopic("launcher-it", 1, Map.of());
        try (Admin admin = existing.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("launcher-it");
        }

        // When up runs again, nothing is restarted
        Result again = launcher(Map.of(), "up");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(recordedPids()).isEqualTo(pids);
        assertThat(launcher(Map.of(), "status").exitCode()).isZero();

        // When it goes down, no process is left and the ports are free again
        Result down = launcher(Map.of(), "down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
        assertThat(Ports.isFree(kafkaPort)).isTrue();
        assertThat(Ports.isFree(registryPort)).isTrue();
        assertThat(launcher(Map.of(), "status").exitCode()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAPortInUseWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", kafkaPort));
            Result up = launcher(Map.of(), "up");
            assertOneLineFailure(up, "port " + kafkaPort + " (Kafka broker) is already in use");
        }
    }

    @Test
    void shouldRefuseToStartTheRegistryWithoutJava21WithOneClearLine() throws Exception {
        Result up = launcher(Map.of("TENURE_REGISTRY_JAVA_HOME", dataDir.resolve("no-jdk").toString()), "up");
        assertOneLineFailure(up, "Apicurio Registry needs a Java 21+ runtime");
    }

    @Test
    void shouldRefuseADamagedDataDirectoryWithOneClearLine() throws Exception {
        Path meta = dataDir.resolve("kafka/kafka-logs/meta.properties");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "this is not \\uZZZZ what Kafka wrote\n");
        Result up = launcher(Map.of(), "up");
        assertOneLineFailure(up, "the Kafka data in " + dataDir.resolve("kafka") + " is damaged");
    }

    /** A refused start prints one line, exits 1, and leaves nothing running. */
    private void assertOneLineFailure(Result result, String expected) throws IOException {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr().strip().lines()).as(result.toString()).hasSize(1)
                .first().asString().startsWith("tenure: ").contains(expected);
        assertThat(recordedPids()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }

    private List<Long> recordedPids() throws IOException {
        Path run = dataDir.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.sorted().map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).trim().split("\\s+")[0]);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Result launcher(Map<String, String> env, String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", LAUNCHER.toString(), command,
                "--data-dir", dataDir.toString(),
                "--kafka-port", Integer.toString(kafkaPort),
                "--kafka-controller-port", Integer.toString(kafkaPort + 1 == registryPort ? kafkaPort + 2 : kafkaPort + 1),
                "--registry-port", Integer.toString(registryPort),
                "--registry-management-port", Integer.toString(Ports.free()),
                "--services", "false"));
        if (!command.equals("up")) {
            args = args.subList(0, 6); // status and down find the ports in the data folder
        }
        ProcessBuilder builder = new ProcessBuilder(args);
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("launcher " + command + " did not finish in 3 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
