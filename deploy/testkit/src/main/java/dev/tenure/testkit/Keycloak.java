package dev.tenure.testkit;

import dev.tenure.peers.Folders;
import dev.tenure.peers.JavaRuntimes;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.PeerException;
import dev.tenure.peers.Ports;
import dev.tenure.peers.Readiness;
import dev.tenure.peers.SupervisedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A real Keycloak, the identity provider, for the identity-provider connector's tests: its Maven Central distribution
 * ({@code org.keycloak:keycloak-quarkus-dist} zip, a test dependency of this module, so Maven puts it in the local
 * repository) unpacked once into {@code ~/.cache/tenure/keycloak/<version>/} and run by its own {@code kc.sh
 * start-dev} on free loopback ports, with an in-memory database and a bootstrap admin made for the run, on a Java
 * 21+ runtime found as the registry's is ({@link JavaRuntimes}). Ready when the management port's
 * {@code /health/ready} says so: about 13 s, nearly a minute on the very first start (Keycloak builds itself for the
 * options and keeps that build in the cache). {@link #shared()} starts one per test JVM; it runs under a
 * {@link dev.tenure.peers.Supervisor}, which stops {@code kc.sh} and the JVM it forks, however the test JVM ends.
 */
public final class Keycloak implements AutoCloseable {

    /** Where the distribution zip is, when not in the local Maven repository the build used. */
    public static final String ZIP_ENV = "TENURE_KEYCLOAK_ZIP";
    public static final int MINIMUM_JAVA = 21;
    /** The client the connector signs in as (client credentials), with realm-management's user roles. */
    public static final String CONNECTOR_CLIENT = "tenure-access";
    /** A public client with the direct access (password) grant, for tests that sign a person in. */
    public static final String LOGIN_CLIENT = "tenure-login";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SHARED_PROPERTY = "tenure.testkit.keycloak.shared";

    private static Keycloak shared;

    private final String version;
    private final Path workDir;
    private final int port;
    private final int managementPort;
    private final String adminPassword;
    private SupervisedProcess process;
    private Duration startedIn;
    private String adminToken;
    private Instant adminTokenRenewAt = Instant.MIN;

    /** A realm made for a test: the connector's confidential client and a public login client. */
    public record Realm(String name, String baseUrl, String clientId, String clientSecret, String loginClientId) {

        /** The realm's OpenID Connect token endpoint. */
        public String tokenUrl() {
            return baseUrl + "/realms/" + name + "/protocol/openid-connect/token";
        }
    }

    /** An HTTP answer: status and body as text. */
    public record Answer(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Keycloak(String version, Path workDir, int port, int managementPort, String adminPassword) {
        this.version = version;
        this.workDir = workDir;
        this.port = port;
        this.managementPort = managementPort;
        this.adminPassword = adminPassword;
    }

    /**
     * The Keycloak of this test JVM, started on first use and stopped when the JVM ends. A Quarkus test loads the test
     * kit in a class loader of its own: the first start is written down in a system property (JVM-wide), so every class
     * loader's {@code shared()} finds the same server instead of starting another.
     */
    public static synchronized Keycloak shared() {
        if (shared == null) {
            shared = attachToShared().orElse(null);
        }
        if (shared == null) {
            shared = start();
            System.setProperty(SHARED_PROPERTY, String.join(" ", shared.version, Integer.toString(shared.port),
                    Integer.toString(shared.managementPort), shared.adminPassword,
                    Long.toString(shared.startedIn.toMillis())));
        }
        return shared;
    }

    /** The server another class loader of this JVM started, if it still answers; closing it is left to that one. */
    private static Optional<Keycloak> attachToShared() {
        String recorded = System.getProperty(SHARED_PROPERTY);
        if (recorded == null) {
            return Optional.empty();
        }
        String[] parts = recorded.split(" ");
        Keycloak attached = new Keycloak(parts[0], null, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                parts[3]);
        attached.startedIn = Duration.ofMillis(Long.parseLong(parts[4]));
        return attached.ready() ? Optional.of(attached) : Optional.empty();
    }

    /** Starts a new Keycloak (unpacking the distribution first if this machine has not yet). */
    public static Keycloak start() {
        Properties built = built();
        String version = built.getProperty("keycloak.version");
        Path home = installed(version, Path.of(System.getenv().getOrDefault(ZIP_ENV, built.getProperty("keycloak.zip"))));
        Path java = JavaRuntimes.javaOfAtLeast(MINIMUM_JAVA, "Keycloak", System.getenv());
        TenurePeers.removeLeftoversOfDeadRuns();
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        Keycloak keycloak = new Keycloak(version, createWorkDir(), Ports.free(), Ports.free(),
                HexFormat.of().formatHex(secret));
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
            List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + keycloak.port,
                    "--http-management-port=" + keycloak.managementPort, "--health-enabled=true", "--db=dev-mem");
            Map<String, String> environment = Map.of(
                    "JAVA_HOME", java.getParent().getParent().toString(),
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", keycloak.adminPassword);
            Instant begun = Instant.now();
            // One start at a time per machine: a start that changes the build options rewrites the cached build.
            try (FileChannel channel = FileChannel.open(home.resolveSibling("start.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                keycloak.process = SupervisedProcess.start("keycloak", command, environment, keycloak.workDir,
                        keycloak.workDir.resolve("keycloak.log"), Lifetime.boundToThisJvm(keycloak.workDir));
                Readiness.await(keycloak.process, START_TIMEOUT, keycloak::ready);
            }
            keycloak.startedIn = Duration.between(begun, Instant.now());
            return keycloak;
        } catch (IOException e) {
            keycloak.close();
            throw new PeerException("cannot lock the Keycloak cache next to " + home + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    /** E.g. {@code http://127.0.0.1:40123} (no trailing slash): the realms are under {@code /realms/<name>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    public String version() {
        return version;
    }

    /** How long the start took until {@code /health/ready}. */
    public Duration startedIn() {
        return startedIn;
    }

    /** The pids of {@code kc.sh} and the JVM it runs (empty once stopped). */
    public List<Long> serverPids() {
        if (process == null) {
            return List.of();
        }
        return process.serverPid().flatMap(ProcessHandle::of)
                .map(script -> Stream.concat(Stream.of(script), script.descendants()).map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    /** The server's output, for a failing test's message. */
    public String lastLogLines(int count) {
        return process == null ? "(not running)" : process.lastLogLines(count);
    }

    /**
     * Creates a realm with the connector's confidential client {@value #CONNECTOR_CLIENT} (client credentials; its
     * service account holds realm-management's {@code view-users} and {@code manage-users}), the public client
     * {@value #LOGIN_CLIENT} (password grant), and a user profile that lets an administrator keep attributes it does
     * not declare (the connector's {@code tenurePersonId}).
     */
    public Realm createRealm(String name) {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String clientSecret = HexFormat.of().formatHex(secret);
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("clients", List.of(
                Map.of("clientId", CONNECTOR_CLIENT, "enabled", true, "publicClient", false,
                        "clientAuthenticatorType", "client-secret", "secret", clientSecret,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                        "directAccessGrantsEnabled", false),
                Map.of("clientId", LOGIN_CLIENT, "enabled", true, "publicClient", true,
                        "standardFlowEnabled", false, "directAccessGrantsEnabled", true)));
        realm.put("users", List.of(Map.of("username", "service-account-" + CONNECTOR_CLIENT, "enabled", true,
                "serviceAccountClientId", CONNECTOR_CLIENT,
                "clientRoles", Map.of("realm-management", List.of("view-users", "manage-users")))));
        require(admin("POST", "", JsonUtil.toJson(realm)), "create realm " + name);

        Answer profile = require(admin("GET", "/" + name + "/users/profile", null), "read the user profile of " + name);
        Map<String, Object> config = parse(profile.body());
        config.put("unmanagedAttributePolicy", "ADMIN_EDIT");
        require(admin("PUT", "/" + name + "/users/profile", JsonUtil.toJson(config)),
                "allow unmanaged attributes in " + name);
        return new Realm(name, baseUrl(), CONNECTOR_CLIENT, clientSecret, LOGIN_CLIENT);
    }

    /**
     * One request to the admin REST API as the bootstrap administrator; {@code path} is under
     * {@code /admin/realms} (e.g. {@code /tenure/users?username=x}), {@code json} the body or null.
     */
    public Answer admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request.build());
    }

    /** A form POST to a realm's endpoint, e.g. its token endpoint, without admin credentials. */
    public Answer postForm(String url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Parses a JSON object answer (jose4j's parser: the test kit carries no JSON library of its own). */
    public static Map<String, Object> parse(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new IllegalStateException("not a JSON object: " + json, e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
            process = null;
        }
        if (workDir != null) { // null: attached to another class loader's server
            Folders.deleteRecursively(workDir);
        }
    }

    private synchronized String adminToken() {
        if (adminToken == null || !Instant.now().isBefore(adminTokenRenewAt)) {
            Answer answer = postForm(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", "admin",
                    "password", adminPassword));
            require(answer, "sign in as the bootstrap administrator");
            Map<String, Object> token = parse(answer.body());
            adminToken = (String) token.get("access_token");
            long lifetime = ((Number) token.getOrDefault("expires_in", 60)).longValue();
            adminTokenRenewAt = Instant.now().plusSeconds(Math.max(1, lifetime / 2));
        }
        return adminToken;
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted during " + request.method() + " " + request.uri());
        }
    }

    private static Answer require(Answer answer, String what) {
        if (!answer.ok()) {
            throw new PeerException("Keycloak could not " + what + ": HTTP " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    /**
     * The unpacked distribution, once per version: a lock file keeps two test JVMs from unpacking into it at the same
     * time, and a marker written last tells a complete unpacking from one cut short.
     */
    static synchronized Path installed(String version, Path zip) {
        Path cacheRoot = Path.of(System.getProperty("user.home"), ".cache", "tenure", "keycloak");
        Path dir = cacheRoot.resolve(version);
        Path home = dir.resolve("keycloak-" + version);
        Path marker = dir.resolve(".installed");
        try {
            Files.createDirectories(cacheRoot);
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(marker)) {
                    if (!Files.isRegularFile(zip)) {
                        throw new PeerException("the Keycloak " + version + " distribution is not at " + zip
                                + "; get it with: ./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:"
                                + version + ":zip -Dtransitive=false (or set " + ZIP_ENV + ")");
                    }
                    Folders.deleteRecursively(dir);
                    long begun = System.nanoTime();
                    unzip(zip, dir);
                    try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                        scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
                    }
                    Files.writeString(marker, "unpacked from " + zip + " in " + (System.nanoTime() - begun) / 1_000_000
                            + " ms\n");
                }
            }
            return home;
        } catch (IOException e) {
            throw new PeerException("cannot unpack Keycloak into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Properties built() {
        Properties built = new Properties();
        try (InputStream in = Keycloak.class.getResourceAsStream("/tenure-keycloak.properties")) {
            if (in == null) {
                throw new PeerException("tenure-keycloak.properties is missing from the test kit's classpath");
            }
            built.load(in);
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createWorkDir() {
        try {
            Files.createDirectories(TenurePeers.WORK_ROOT);
            return Files.createTempDirectory(TenurePeers.WORK_ROOT, ProcessHandle.current().pid() + "-keycloak-");
        } catch (IOException e) {
            throw new PeerException("cannot create a work folder under " + TenurePeers.WORK_ROOT + ": "
                    + e.getMessage(), e);
        }
    }
}
