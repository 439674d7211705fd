package dev.tenure.local;

import dev.tenure.peers.ApicurioRegistry;
import dev.tenure.peers.DebianPackages;
import dev.tenure.peers.JavaRuntimes;
import dev.tenure.peers.KafkaBroker;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.PeerDistributions;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.Ports;
import dev.tenure.peers.Readiness;
import dev.tenure.peers.SupervisedProcess;
import dev.tenure.schemas.registry.SchemaRegistrar;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.auth.KeyPairFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on one machine: a Kafka broker, an Apicurio Registry, the catalogue's topics and
 * Tenure's services, all kept under one data folder ({@code kafka/}, {@code registry/},
 * {@code services/}) with every log in {@code logs/} and every pid in {@code run/}.
 * {@code up} is idempotent: what already runs is left running.
 */
final class LocalStack {

    static final String BROKER = "kafka-broker";
    static final String REGISTRY = "apicurio-registry";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final LocalSettings settings;
    private final Map<String, String> env;
    private final PrintStream out;

    LocalStack(LocalSettings settings, Map<String, String> env, PrintStream out) {
        this.settings = settings;
        this.env = env;
        this.out = out;
    }

    void up() {
        Instant began = Instant.now();
        LocalSettings s = settings.anchoredAt(began);
        PeerDistributions distributions = PeerDistributions.fromBuild(env);
        preflight(distributions);
        s.save();

        List<SupervisedProcess> startedNow = new ArrayList<>();
        try {
            SupervisedProcess registry = running(REGISTRY).orElseGet(() -> remember(startRegistry(distributions), startedNow));
            SupervisedProcess broker = running(BROKER).orElseGet(() -> remember(startBroker(distributions), startedNow));
            Readiness.await(broker, START_TIMEOUT, () -> KafkaBroker.answers(bootstrapServers()));
            Readiness.await(registry, START_TIMEOUT, () -> ApicurioRegistry.answers(registryUrl()));
            List<String> created = TopicProvisioner.ensure(bootstrapServers(), Topics.ALL);
            registerSchemas();
            out.printf("broker, registry, topics and schemas ready in %.1f s (created %d topics)%n",
                    seconds(began), created.size());
            if (s.withServices()) {
                KeyPairFiles.ensureIn(keysDir());
                if (s.withScimApp()) {
                    SupervisedProcess app = running(LocalScimApp.NAME)
                            .orElseGet(() -> remember(startScimApp(), startedNow));
                    Readiness.await(app, START_TIMEOUT, scimApp()::answers);
                }
                if (s.withIdp()) {
                    running(LocalIdentityProvider.NAME).ifPresentOrElse(process -> identityProvider().ensureRealm(),
                            () -> remember(startIdentityProvider(), startedNow));
                }
                startServices(s, startedNow);
                out.printf("services ready in %.1f s%n", seconds(began));
                if (s.withDemo() && running("hr-events-service").isPresent()) {
                    out.println(DemoFeed.loadOnce(settings.dataDir(), keysDir().resolve(KeyPairFiles.PRIVATE_KEY_FILE),
                            "http://127.0.0.1:" + s.firstServicePort()));
                }
            }
        } catch (RuntimeException e) {
            // A failed `up` leaves running only what ran before it.
            startedNow.forEach(process -> process.stop(STOP_TIMEOUT));
            throw e;
        }
        status();
    }

    private static SupervisedProcess remember(SupervisedProcess process, List<SupervisedProcess> startedNow) {
        startedNow.add(process);
        return process;
    }

    /** Stops everything, services first; returns true when nothing is left running. */
    boolean down() {
        List<String> order = new ArrayList<>(LocalService.NAMES);
        Collections.reverse(order);
        order.add(LocalScimApp.NAME);
        order.add(LocalIdentityProvider.NAME);
        order.add(REGISTRY);
        order.add(BROKER);
        for (String name : order) {
            running(name).ifPresent(process -> {
                process.stop(STOP_TIMEOUT);
                out.println("stopped " + name);
            });
        }
        boolean allStopped = order.stream().allMatch(name -> running(name).isEmpty());
        out.println(allStopped ? "Tenure is down" : "some processes did not stop; see tenure status");
        return allStopped;
    }

    /** Prints one line per component; returns true when all of them run. */
    boolean status() {
        boolean all = line(BROKER, bootstrapServers(), () -> KafkaBroker.answers(bootstrapServers()));
        all &= line(REGISTRY, registryUrl(), () -> ApicurioRegistry.answers(registryUrl()));
        if (settings.withServices()) {
            if (settings.withScimApp()) {
                all &= line(LocalScimApp.NAME, scimApp().baseUrl(), scimApp()::answers);
            }
            if (settings.withIdp()) {
                all &= line(LocalIdentityProvider.NAME, identityProvider().baseUrl() + "/realms/"
                        + LocalIdentityProvider.REALM, identityProvider()::answers);
            }
            for (LocalService service : services()) {
                if (!service.isBuilt() && running(service.name()).isEmpty()) {
                    out.printf("%-20s not built     (./mvnw -DskipTests package)%n", service.name());
                    all = false;
                } else {
                    all &= line(service.name(), "http://127.0.0.1:" + service.port(), () -> isReady(service));
                }
            }
        }
        out.println("data in " + settings.dataDir() + ", logs in " + settings.dataDir().resolve("logs"));
        return all;
    }

    String bootstrapServers() {
        return KafkaBroker.bootstrapServers(settings.kafkaPort());
    }

    String registryUrl() {
        return ApicurioRegistry.apiUrl(settings.registryPort());
    }

    Optional<SupervisedProcess> running(String name) {
        return SupervisedProcess.attach(name, identityFile(name), logFile(name));
    }

    /** Everything that would stop a start half-way is checked before anything starts. */
    private void preflight(PeerDistributions distributions) {
        if (running(BROKER).isEmpty()) {
            distributions.kafkaClasspath();
            KafkaBroker.checkStorage(settings.dataDir().resolve("kafka"));
            Ports.requireFree(settings.kafkaPort(), "Kafka broker", "--kafka-port");
            Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller", "--kafka-controller-port");
        }
        if (running(REGISTRY).isEmpty()) {
            distributions.apicurioRunJar();
            JavaRuntimes.javaOfAtLeast(ApicurioRegistry.MINIMUM_JAVA, env);
            Ports.requireFree(settings.registryPort(), "Apicurio Registry", "--registry-port");
            Ports.requireFree(settings.registryManagementPort(), "Apicurio Registry management",
                    "--registry-management-port");
        }
        if (settings.withServices() && settings.withScimApp() && running(LocalScimApp.NAME).isEmpty()) {
            DebianPackages.require("node", "nodejs", "npm");
            Ports.requireFree(settings.scimAppPort(), "the demo's SCIM application", "--scim-app-port");
        }
        if (settings.withServices() && settings.withIdp() && running(LocalIdentityProvider.NAME).isEmpty()) {
            identityProvider().check();
            Ports.requireFree(settings.idpPort(), "the identity provider (Keycloak)", "--idp-port");
            Ports.requireFree(settings.idpManagementPort(), "the identity provider's management", "--idp-management-port");
        }
        if (settings.withServices()) {
            for (LocalService service : services()) {
                if (service.isBuilt() && running(service.name()).isEmpty()) {
                    Ports.requireFree(service.port(), service.name(), "--first-service-port");
                }
            }
        }
    }

    /** Every topic's value schema, under a BACKWARD compatibility rule, before any producer runs. */
    private void registerSchemas() {
        try {
            new SchemaRegistrar(registryUrl()).registerAll(Topics.ALL);
        } catch (RuntimeException e) {
            throw new PeerException("could not register the schemas in " + registryUrl() + ": " + e.getMessage(), e);
        }
    }

    private SupervisedProcess startBroker(PeerDistributions distributions) {
        SupervisedProcess process = KafkaBroker.start(distributions, new KafkaBroker.Settings(
                settings.dataDir().resolve("kafka"), logFile(BROKER), settings.kafkaPort(),
                settings.kafkaControllerPort(), "512m", Lifetime.detached())).process();
        process.writeIdentity(identityFile(BROKER));
        return process;
    }

    private SupervisedProcess startRegistry(PeerDistributions distributions) {
        SupervisedProcess process = ApicurioRegistry.start(distributions, new ApicurioRegistry.Settings(
                settings.dataDir().resolve("registry"), logFile(REGISTRY), settings.registryPort(),
                settings.registryManagementPort(), true, Lifetime.detached()), env).process();
        process.writeIdentity(identityFile(REGISTRY));
        return process;
    }

    private SupervisedProcess startScimApp() {
        SupervisedProcess process = scimApp().start(logFile(LocalScimApp.NAME));
        process.writeIdentity(identityFile(LocalScimApp.NAME));
        return process;
    }

    private SupervisedProcess startIdentityProvider() {
        SupervisedProcess process = identityProvider().start(logFile(LocalIdentityProvider.NAME));
        process.writeIdentity(identityFile(LocalIdentityProvider.NAME));
        return process;
    }

    private LocalIdentityProvider identityProvider() {
        return new LocalIdentityProvider(settings.dataDir(), settings.idpPort(), settings.idpManagementPort(), env);
    }

    private LocalScimApp scimApp() {
        return new LocalScimApp(settings.dataDir(), settings.scimAppPort());
    }

    private void startServices(LocalSettings s, List<SupervisedProcess> startedNow) {
        Map<LocalService, SupervisedProcess> started = new HashMap<>();
        for (LocalService service : services()) {
            if (!service.isBuilt()) {
                out.println(service.name() + " is not built; build it with ./mvnw -DskipTests package");
                continue;
            }
            started.put(service, running(service.name())
                    .orElseGet(() -> remember(startService(service, s), startedNow)));
        }
        started.forEach((service, process) -> Readiness.await(process, START_TIMEOUT, () -> isReady(service)));
    }

    private SupervisedProcess startService(LocalService service, LocalSettings s) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        environment.put("TENURE_REGISTRY_URL", registryUrl());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // The same simulated clock for every service: same start, same anchor, same speed.
        s.clockStart().ifPresent(start -> environment.put("TENURE_CLOCK_START", start.toString()));
        s.clockAnchor().ifPresent(anchor -> environment.put("TENURE_CLOCK_ANCHOR", anchor.toString()));
        environment.put("TENURE_CLOCK_SPEED", Double.toString(s.clockSpeed()));
        // Callers' tokens are verified with this key; its private half (keys/private-key.pem) signs the demo's.
        environment.put("TENURE_JWT_PUBLIC_KEY", keysDir().resolve(KeyPairFiles.PUBLIC_KEY_FILE).toString());
        // The demo replays a year of HR history in seconds: its past leavers would trip access-service's
        // mass-change brake (50 disables/deletes in 5 minutes), which guards production directories, not this one.
        environment.put("TENURE_ACCESS_BRAKE_THRESHOLD", System.getenv().getOrDefault("TENURE_ACCESS_BRAKE_THRESHOLD",
                "100000"));
        if (service.name().equals("access-service")) {
            List<String> managed = new ArrayList<>(List.of("directory"));
            if (s.withScimApp()) {
                environment.putAll(scimApp().accessServiceEnvironment());
                managed.add(LocalScimApp.TARGET);
            }
            if (s.withIdp()) {
                environment.putAll(identityProvider().accessServiceEnvironment());
                managed.add(LocalIdentityProvider.TARGET);
            }
            environment.put("TENURE_ACCESS_MANAGED_TARGETS", String.join(",", managed));
        }
        Path workDir = settings.dataDir().resolve("services").resolve(service.name());
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new PeerException("cannot create " + workDir + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(service.jvmOptions());
        command.addAll(List.of("-jar", service.runJar().toString()));
        SupervisedProcess process = SupervisedProcess.start(service.name(), command,
                environment, workDir, logFile(service.name()), Lifetime.detached());
        process.writeIdentity(identityFile(service.name()));
        return process;
    }

    private List<LocalService> services() {
        return LocalService.all(settings.repoDir(), settings.firstServicePort());
    }

    private boolean line(String name, String where, java.util.function.BooleanSupplier answers) {
        Optional<SupervisedProcess> process = running(name);
        if (process.isEmpty()) {
            out.printf("%-20s stopped%n", name);
            return false;
        }
        boolean ready = answers.getAsBoolean();
        out.printf("%-20s %-13s pid %-8d %s%n", name, ready ? "ready" : "starting", process.get().pid(), where);
        return ready;
    }

    private static boolean isReady(LocalService service) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.healthUrl()))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path keysDir() {
        return settings.dataDir().resolve("keys");
    }

    private Path identityFile(String name) {
        return settings.dataDir().resolve("run").resolve(name + ".pid");
    }

    private Path logFile(String name) {
        return settings.dataDir().resolve("logs").resolve(name + ".log");
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
