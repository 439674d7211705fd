package dev.tenure.tools.bench.access;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.SambaAdDirectory;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.auth.KeyPairFiles;
import java.security.KeyPair;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a termination has to pass through, started for one benchmark run and bound to this JVM: a Kafka broker
 * and an Apicurio Registry (the test kit's {@link TenurePeers}), a Samba AD domain controller, and hr-events-service
 * and access-service from their built apps, with the JVM options of the local deployment ({@code ./tenure up}) and
 * access-service's directory connector pointed at Samba. Callers' tokens are signed with a key pair made for the run.
 */
final class BenchSystem implements AutoCloseable {

    // The launcher's options (deploy/local LocalService): the intake gets the larger heap and ParallelGC.
    private static final List<String> INTAKE_JVM = List.of("-Xms256m", "-Xmx1024m", "-XX:+UseParallelGC");
    private static final List<String> SERVICE_JVM = List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final SambaAdDirectory samba;
    private final PackagedService intake;
    private final PackagedService access;
    private final String bootstrapServers;
    private final String registryUrl;
    private final JwtMinter tokens;

    private BenchSystem(SambaAdDirectory samba, PackagedService intake, PackagedService access, String bootstrapServers,
                        String registryUrl, JwtMinter tokens) {
        this.registryUrl = registryUrl;
        this.tokens = tokens;
        this.samba = samba;
        this.intake = intake;
        this.access = access;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param repoDir        where {@code hr-events-service/target/quarkus-app} and {@code access-service/...} are
     * @param accessSettings extra environment for access-service (e.g. its cut-off time)
     */
    static BenchSystem start(Path repoDir, Map<String, String> accessSettings, PrintStream log) {
        Path intakeApp = repoDir.resolve("hr-events-service/target/quarkus-app");
        Path accessApp = repoDir.resolve("access-service/target/quarkus-app");
        log.println("starting Kafka and Apicurio Registry...");
        TenurePeers peers = TenurePeers.shared();
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
        log.println("starting Samba AD (provisioning a domain)...");
        SambaAdDirectory samba = SambaAdDirectory.shared();
        Path work = workDir();
        KeyPair keys = KeyPairFiles.generateInto(work.resolve("keys"), false);
        Map<String, String> common = new java.util.HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", peers.bootstrapServers());
        common.put("TENURE_REGISTRY_URL", peers.registryUrl());
        common.put("TENURE_JWT_PUBLIC_KEY", work.resolve("keys").resolve(KeyPairFiles.PUBLIC_KEY_FILE).toString());
        common.put("TENURE_JWT_ISSUER", JwtMinter.DEFAULT_ISSUER);

        log.println("starting hr-events-service and access-service (logs in " + work + ")...");
        PackagedService intake = PackagedService.start(intakeApp, "hr-events-service", common, 0, INTAKE_JVM,
                work, work.resolve("hr-events-service.log"));
        Map<String, String> accessEnv = new java.util.HashMap<>(common);
        accessEnv.putAll(directorySettings(samba));
        accessEnv.put("TENURE_ACCESS_STATE_DIR", work.resolve("access-state").toString());
        // A benchmark disables hundreds of accounts on purpose; the brake guards production directories.
        accessEnv.put("TENURE_ACCESS_BRAKE_THRESHOLD", "1000000");
        accessEnv.putAll(accessSettings);
        PackagedService access = PackagedService.start(accessApp, "access-service", accessEnv, 0, SERVICE_JVM,
                work, work.resolve("access-service.log"));
        intake.awaitReady(READY_TIMEOUT);
        access.awaitReady(READY_TIMEOUT);
        return new BenchSystem(samba, intake, access, peers.bootstrapServers(), peers.registryUrl(),
                new JwtMinter(keys.getPrivate(), JwtMinter.DEFAULT_ISSUER));
    }

    static Map<String, String> directorySettings(SambaAdDirectory samba) {
        return Map.of(
                "TENURE_ACCESS_DIRECTORY_KIND", "active-directory",
                "TENURE_ACCESS_DIRECTORY_URLS", samba.ldapsUrl(),
                "TENURE_ACCESS_DIRECTORY_BIND_DN", samba.adminDn(),
                "TENURE_ACCESS_DIRECTORY_BIND_PASSWORD", samba.adminPassword(),
                "TENURE_ACCESS_DIRECTORY_USERS_BASE_DN", samba.usersDn(),
                "TENURE_ACCESS_DIRECTORY_GROUPS_BASE_DN", samba.usersDn(),
                "TENURE_ACCESS_DIRECTORY_MAIL_DOMAIN", SambaAdDirectory.DNS_DOMAIN,
                "TENURE_ACCESS_DIRECTORY_UPN_SUFFIX", samba.upnSuffix(),
                "TENURE_ACCESS_DIRECTORY_TRUSTED_CERTIFICATES", samba.caCertificate().toString());
    }

    SambaAdDirectory samba() {
        return samba;
    }

    URI intakeUri() {
        return intake.baseUri();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    /** An HRIS caller's bearer token for the run. */
    String hrisToken() {
        return tokens.mint(Caller.hris("bench-hris"), Duration.ofHours(6));
    }

    @Override
    public void close() {
        access.close();
        intake.close();
    }

    private static Path workDir() {
        try {
            return Files.createTempDirectory("tenure-bench-access");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
