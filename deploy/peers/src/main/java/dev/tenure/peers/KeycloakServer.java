package dev.tenure.peers;

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
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A real Keycloak, the identity provider: its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}
 * zip, which this module's build puts in the local Maven repository) unpacked once into a folder of the caller's and
 * run by its own {@code kc.sh start-dev} on loopback ports, with a bootstrap admin, on a Java 21+ runtime found as the
 * registry's is ({@link JavaRuntimes}). Ready when the management port's {@code /health/ready} says so: about 13 s,
 * a minute or two on the very first start of an unpacked copy (Keycloak builds itself for its options and keeps that
 * build in the copy). The tests run it with an in-memory database, the local demo with a file database in its data
 * folder. It runs under a {@link Supervisor}, which stops {@code kc.sh} and the JVM it forks.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Where the distribution zip is, when not in the local Maven repository the build used. */
    public static final String ZIP_ENV = "TENURE_KEYCLOAK_ZIP";
    public static final int MINIMUM_JAVA = 21;
    /** The client the connector signs in as (client credentials), with realm-management's user roles. */
    public static final String CONNECTOR_CLIENT = "tenure-access";
    /** A public client with the direct access (password) grant, for signing a person in. */
    public static final String LOGIN_CLIENT = "tenure-login";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The distribution: its version and the zip, from the build (tenure-peers.properties) or {@value #ZIP_ENV}. */
    public record Distribution(String version, Path zip) {

        public static Distribution fromBuild(Map<String, String> env) {
            Properties built = new Properties();
            try (InputStream in = KeycloakServer.class.getResourceAsStream("/tenure-peers.properties")) {
                if (in == null) {
                    throw new PeerException("tenure-peers.properties is missing from the classpath");
                }
                built.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Distribution(built.getProperty("keycloak.version"),
                    Path.of(env.getOrDefault(ZIP_ENV, built.getProperty("keycloak.zip"))));
        }

        /** The unpacked copy under {@code folder} (unpacking it first if needed). */
        public Path unpackedInto(Path folder) {
            return unpacked(version, zip, folder);
        }
    }

    /**
     * How to start one.
     *
     * @param home           the unpacked distribution ({@link Distribution#unpackedInto})
     * @param java           a Java 21+ {@code java} executable
     * @param fileDatabase   true: Keycloak's dev-file database in {@code home/data} (kept across restarts); false: in
     *                       memory
     * @param adminPassword  the bootstrap admin's ({@code admin}) password; only its first start creates it
     */
    public record Settings(Path home, Path java, int port, int managementPort, String adminPassword,
                           boolean fileDatabase, Path workDir, Path logFile, Lifetime lifetime) {
    }

    /** A realm made for the connector: its confidential client and a public login client. */
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

    private final String version;
    private final int port;
    private final int managementPort;
    private final String adminPassword;
    private SupervisedProcess process;
    private Duration startedIn = Duration.ZERO;
    private String adminToken;
    private Instant adminTokenRenewAt = Instant.MIN;

    private KeycloakServer(String version, int port, int managementPort, String adminPassword,
                           SupervisedProcess process) {
        this.version = version;
        this.port = port;
        this.managementPort = managementPort;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    /** Starts it and waits until it is ready (failing with its log if it exits or takes too long). */
    public static KeycloakServer start(String name, String version, Settings s) {
        List<String> command = List.of(s.home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + s.port(), "--http-management-port=" + s.managementPort(),
                "--health-enabled=true", "--db=" + (s.fileDatabase() ? "dev-file" : "dev-mem"));
        Map<String, String> environment = Map.of(
                "JAVA_HOME", s.java().getParent().getParent().toString(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", s.adminPassword());
        Instant begun = Instant.now();
        // One start at a time per unpacked copy: a start that changes the build options rewrites its cached build.
        try (FileChannel channel = FileChannel.open(s.home().resolveSibling("start.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            KeycloakServer server = new KeycloakServer(version, s.port(), s.managementPort(), s.adminPassword(),
                    SupervisedProcess.start(name, command, environment, s.workDir(), s.logFile(), s.lifetime()));
            try {
                Readiness.await(server.process, START_TIMEOUT, server::ready);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            server.startedIn = Duration.between(begun, Instant.now());
            return server;
        } catch (IOException e) {
            throw new PeerException("cannot lock the Keycloak copy next to " + s.home() + ": " + e.getMessage(), e);
        }
    }

    /** One already running (started by another class loader or an earlier launcher run); its process is not ours. */
    public static KeycloakServer attach(String version, int port, int managementPort, String adminPassword) {
        return new KeycloakServer(version, port, managementPort, adminPassword, null);
    }

    /** E.g. {@code http://127.0.0.1:40123} (no trailing slash): the realms are under {@code /realms/<name>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String version() {
        return version;
    }

    /** How long the start took until {@code /health/ready}. */
    public Duration startedIn() {
        return startedIn;
    }

    /** The supervised process, when this object started it. */
    public SupervisedProcess process() {
        return process;
    }

    /** The pids of {@code kc.sh} and the JVM it runs (empty once stopped, or when attached). */
    public List<Long> serverPids() {
        if (process == null) {
            return List.of();
        }
        return process.serverPid().flatMap(ProcessHandle::of)
                .map(script -> Stream.concat(Stream.of(script), script.descendants()).map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    /** The server's output, for a failure's message. */
    public String lastLogLines(int count) {
        return process == null ? "(not started here)" : process.lastLogLines(count);
    }

    /** Whether the realm exists. */
    public boolean hasRealm(String name) {
        return admin("GET", "/" + name, null).ok();
    }

    /**
     * Creates a realm with the connector's confidential client {@value #CONNECTOR_CLIENT} (client credentials; its
     * service account holds realm-management's {@code view-users} and {@code manage-users}) with this secret, the
     * public client {@value #LOGIN_CLIENT} (password grant), and a user profile that lets an administrator keep
     * attributes it does not declare (the connector's {@code tenurePersonId}).
     */
    public Realm createRealm(String name, String clientSecret) {
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

    /** A realm as {@link #createRealm(String, String)} makes it, with a random client secret. */
    public Realm createRealm(String name) {
        return createRealm(name, randomSecret());
    }

    /** 36 hex digits from a secure random source: passwords and client secrets. */
    public static String randomSecret() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
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

    /** Parses a JSON object answer (jose4j's parser: the peers carry no JSON library of their own). */
    public static Map<String, Object> parse(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new IllegalStateException("not a JSON object: " + json, e);
        }
    }

    /** True when the management port's {@code /health/ready} answers 200. */
    public boolean ready() {
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

    /** Stops the server if this object started it. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
            process = null;
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
     * The unpacked distribution under {@code folder}, once per version: a lock file keeps two JVMs from unpacking into
     * it at the same time, and a marker written last tells a complete unpacking from one cut short.
     */
    static synchronized Path unpacked(String version, Path zip, Path folder) {
        Path dir = folder.resolve(version);
        Path home = dir.resolve("keycloak-" + version);
        Path marker = dir.resolve(".installed");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(folder.resolve(version + ".lock"),
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
}
