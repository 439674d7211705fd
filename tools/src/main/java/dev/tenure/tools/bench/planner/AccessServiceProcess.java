package dev.tenure.tools.bench.planner;

import dev.tenure.tools.bench.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * access-service for the planner benchmark: the launcher's environment plus what makes a run a fresh, planner-only
 * one: a new application id and state folder (so it starts from nothing), the executor off (nothing is carried out,
 * the benchmark is the planner's), and optionally a shorter commit interval (its committed offsets are what the
 * benchmark watches). Started as a {@link ServiceProcess}.
 */
final class AccessServiceProcess {

    private AccessServiceProcess() {
    }

    /** The environment for one benchmark run of the service. */
    static Map<String, String> environment(String bootstrapServers, String registryUrl, int httpPort, Path publicKey,
                                           String applicationId, Path stateDir, Optional<Duration> commitInterval) {
        Map<String, String> env = ServiceProcess.launcherEnvironment(bootstrapServers, registryUrl, httpPort, publicKey);
        env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", applicationId);
        env.put("TENURE_ACCESS_STATE_DIR", stateDir.toAbsolutePath().toString());
        env.put("TENURE_ACCESS_EXECUTOR_ENABLED", "false");
        commitInterval.ifPresent(interval -> env.put("KAFKA_STREAMS_COMMIT_INTERVAL_MS", Long.toString(interval.toMillis())));
        return env;
    }
}
