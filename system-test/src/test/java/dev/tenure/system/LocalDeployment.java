package dev.tenure.system;

import dev.tenure.peers.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local deployment, run as an operator runs it: {@code java -jar deploy/local/target/tenure-local.jar up|down}
 * with the services' built apps, on free ports and a data folder of its own. The launcher passes its own
 * environment on to the services, which is how the test points access-service at its directory.
 */
final class LocalDeployment implements AutoCloseable {

    private final Path repoDir;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final int kafkaPort = Ports.free();
    private final int registryPort = Ports.free();
    private final int firstServicePort = freeRunOfFour();

    private LocalDeployment(Path repoDir, Path dataDir, Map<String, String> environment) {
        this.repoDir = repoDir;
        this.dataDir = dataDir;
        this.environment = Map.copyOf(environment);
    }

    /** Starts everything (the demo's own feed off) on a simulated clock; fails with the launcher's output. */
    static LocalDeployment up(Path repoDir, Path dataDir, Instant clockStart, Instant clockAnchor, double clockSpeed,
                              Map<String, String> environment) {
        LocalDeployment deployment = new LocalDeployment(repoDir, dataDir, environment);
        deployment.run(List.of("up",
                "--kafka-port", Integer.toString(deployment.kafkaPort),
                "--kafka-controller-port", Integer.toString(Ports.free()),
                "--registry-port", Integer.toString(deployment.registryPort),
                "--registry-management-port", Integer.toString(Ports.free()),
                "--first-service-port", Integer.toString(deployment.firstServicePort),
                "--scim-app-port", Integer.toString(Ports.free()),
                "--demo", "false",
                "--clock-start", clockStart.toString(),
                "--clock-anchor", clockAnchor.toString(),
                "--clock-speed", Double.toString(clockSpeed)));
        return deployment;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryPort + "/apis/registry/v3";
    }

    /** hr-events, access, equipment, audit: the launcher's order. */
    String serviceUrl(String service) {
        int offset = List.of("hr-events-service", "access-service", "equipment-service", "audit-service")
                .indexOf(service);
        if (offset < 0) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return "http://127.0.0.1:" + (firstServicePort + offset);
    }

    Path privateKey() {
        return dataDir.resolve("keys").resolve("private-key.pem");
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    @Override
    public void close() {
        run(List.of("down"));
    }

    private void run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                repoDir.resolve("deploy/local/target/tenure-local.jar").toString()));
        command.add(arguments.get(0));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        if (arguments.get(0).equals("up")) {
            command.addAll(List.of("--repo-dir", repoDir.toString()));
        }
        command.addAll(arguments.subList(1, arguments.size()));
        try {
            Path output = Files.createTempFile("launcher-" + arguments.get(0), ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("TENURE_BUILD", "0");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("launcher " + arguments.get(0) + " did not finish in 5 minutes:\n"
                        + Files.readString(output));
            }
            String printed = Files.readString(output);
            System.out.println("launcher " + arguments.get(0) + ":\n" + printed);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("launcher " + arguments.get(0) + " exited " + process.exitValue()
                        + ":\n" + printed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the launcher", e);
        }
    }

    private static int freeRunOfFour() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = Ports.free();
            if (first < 65530 && Ports.isFree(first + 1) && Ports.isFree(first + 2) && Ports.isFree(first + 3)) {
                return first;
            }
        }
        throw new IllegalStateException("found no four free ports in a row");
    }
}
