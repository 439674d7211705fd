package dev.tenure.peers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Apicurio Registry 3 server (its Maven Central distribution, a ready Quarkus app) run as a
 * supervised child process on a Java 21+ runtime. Storage is H2: in memory for tests, or in a file
 * under the data folder so schema ids stay valid for the records already on the topics.
 */
public final class ApicurioRegistry implements AutoCloseable {

    public static final int MINIMUM_JAVA = 21;

    /** {@code persistent}: keep the registry's database in {@code dataDir}; otherwise in memory. */
    public record Settings(Path dataDir, Path logFile, int port, int managementPort, boolean persistent,
                           Lifetime lifetime) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Settings settings;
    private final SupervisedProcess process;

    private ApicurioRegistry(Settings settings, SupervisedProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Starts the process; call {@link #awaitReady} before using it. */
    public static ApicurioRegistry start(PeerDistributions distributions, Settings settings, Map<String, String> env) {
        Path java = JavaRuntimes.javaOfAtLeast(MINIMUM_JAVA, env);
        Path runJar = distributions.apicurioRunJar();
        Ports.requireFree(settings.port(), "Apicurio Registry", "--registry-port");
        Ports.requireFree(settings.managementPort(), "Apicurio Registry management", "--registry-management-port");
        Path dataDir = settings.dataDir().toAbsolutePath();

        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port()));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(settings.managementPort()));
        environment.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        // A handful of connections, not the 20-100 the server ships with: this is one machine.
        environment.put("APICURIO_DATASOURCE_JDBC_INITIAL_SIZE", "2");
        environment.put("APICURIO_DATASOURCE_JDBC_MIN_SIZE", "2");
        environment.put("APICURIO_DATASOURCE_JDBC_MAX_SIZE", "16");
        environment.put("APICURIO_STORAGE_SNAPSHOT_LOCATION", dataDir.toString());
        if (settings.persistent()) {
            environment.put("APICURIO_DATASOURCE_URL", "jdbc:h2:file:" + dataDir.resolve("registry-db"));
        }
        List<String> command = List.of(java.toString(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dataDir, "-jar", runJar.toString());
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new PeerException("cannot create the registry's data directory " + dataDir + ": " + e.getMessage(), e);
        }
        SupervisedProcess process = SupervisedProcess.start("apicurio-registry", command, environment, dataDir,
                settings.logFile().toAbsolutePath(), settings.lifetime());
        return new ApicurioRegistry(settings, process);
    }

    public ApicurioRegistry awaitReady(Duration timeout) {
        Readiness.await(process, timeout, () -> answers(apiUrl()));
        return this;
    }

    /** The v3 REST API base, which is also what the Apicurio serdes take as {@code apicurio.registry.url}. */
    public String apiUrl() {
        return apiUrl(settings.port());
    }

    public static String apiUrl(int port) {
        return "http://127.0.0.1:" + port + "/apis/registry/v3";
    }

    public SupervisedProcess process() {
        return process;
    }

    /** True when the registry's system-info endpoint answers 200. */
    public static boolean answers(String apiUrl) {
        return systemInfo(apiUrl).isPresent();
    }

    /** The registry's system info JSON, if it answers. */
    public static Optional<String> systemInfo(String apiUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(apiUrl + "/system/info")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
