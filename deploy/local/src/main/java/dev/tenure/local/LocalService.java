package dev.tenure.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One of Tenure's Quarkus services as the launcher runs it: from its module's packaged app. */
record LocalService(String name, int port, Path runJar) {

    static final List<String> NAMES = List.of("hr-events-service", "access-service", "equipment-service",
            "audit-service");

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
