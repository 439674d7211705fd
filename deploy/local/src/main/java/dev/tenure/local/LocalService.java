package dev.tenure.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One of Tenure's Quarkus services as the launcher runs it: from its module's packaged app. */
record LocalService(String name, int port, Path runJar) {

    static final List<String> NAMES = List.of("hr-events-service", "access-service", "equipment-service",
            "audit-service");

    /**
     * The JVM settings. The intake keeps a receipt of every event it ever accepted in its heap (about 375 bytes
     * each, see hr-events-service/README.md) and holds a whole CSV import while it validates it: 1 GiB holds about
     * two million events and a 100,000-row import; the parallel collector with a 256 MiB start kept its p99 at 500
     * requests/s under 10 ms where the serial one gave 28-129 ms (measured in hr-events-service/README.md). The
     * other services get 512 MiB and the serial collector.
     */
    List<String> jvmOptions() {
        return name.equals("hr-events-service")
                ? List.of("-Xms256m", "-Xmx1024m", "-XX:+UseParallelGC")
                : List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC");
    }

    /** The four services on consecutive ports from {@code firstPort}, as built in {@code repoDir}. */
    static List<LocalService> all(Path repoDir, int firstPort) {
        return NAMES.stream()
                .map(name -> new LocalService(name, firstPort + NAMES.indexOf(name),
                        repoDir.resolve(name).resolve("target/quarkus-app/quarkus-run.jar")))
                .toList();
    }

    boolean isBuilt() {
        return Files.isRegularFile(runJar);
    }

    String healthUrl() {
        return "http://127.0.0.1:" + port + "/q/health/ready";
    }
}
