package dev.tenure.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tenure.schemas.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registrar's protocol and error reporting, against an in-process stand-in (the real registry is in SchemaCompatibilityIT). */
class SchemaRegistrarTest {

    private static final String ARTIFACT = "/apis/registry/v3/groups/default/artifacts/hr-lifecycle-events-value";
    private static final String CREATED = """
            {"artifact":{"artifactId":"hr-lifecycle-events-value"},
             "version":{"version":"1","globalId":7,"contentId":3,"artifactId":"hr-lifecycle-events-value"}}""";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldCreateTheArtifactThenSetTheBackwardRule() {
        // Given a registry that has neither the artifact nor its rule
        String url = startRegistry(Map.of(
                "GET " + ARTIFACT, new Answer(404, "{\"name\":\"ArtifactNotFoundException\"}"),
                "POST /apis/registry/v3/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION", new Answer(200, CREATED),
                "GET " + ARTIFACT + "/rules/COMPATIBILITY", new Answer(404, "{\"name\":\"RuleNotFoundException\"}"),
                "POST " + ARTIFACT + "/rules", new Answer(204, "")));

        // When the envelope's schema is registered
        RegisteredSchema registered = new SchemaRegistrar(url).register(Topics.HR_LIFECYCLE_EVENTS);

        // Then the version the registry assigned is returned and the rule was created after the artifact
        assertThat(registered).isEqualTo(new RegisteredSchema("default", "hr-lifecycle-events-value", "1", 7, 3));
        assertThat(requests).extracting(request -> request.substring(0, request.indexOf(' ', request.indexOf(' ') + 1)))
                .containsExactly(
                        "GET " + ARTIFACT,
                        "POST /apis/registry/v3/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION",
                        "GET " + ARTIFACT + "/rules/COMPATIBILITY",
                        "POST " + ARTIFACT + "/rules");
        assertThat(requests.get(1)).contains("\"artifactType\":\"AVRO\"").contains("HrLifecycleEvent");
        assertThat(requests.get(3)).contains("{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}");
    }

    @Test
    void shouldSurfaceTheRegistryReasonWhenTheSchemaIsRejected() {
        // Given an existing artifact with the rule, and a registry that finds the new content incompatible
        String url = startRegistry(Map.of(
                "GET " + ARTIFACT, new Answer(200, "{\"artifactId\":\"hr-lifecycle-events-value\"}"),
                "GET " + ARTIFACT + "/rules/COMPATIBILITY", new Answer(200, "{\"config\":\"BACKWARD\"}"),
                "POST /apis/registry/v3/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION", new Answer(400,
                        "{\"detail\":\"Incompatible artifact: hr-lifecycle-events-value [AVRO]\",\"status\":400,"
                                + "\"name\":\"RuleViolationException\"}")));

        // When / Then the exception names the artifact, the status and the registry's reason
        assertThatThrownBy(() -> new SchemaRegistrar(url).register(Topics.HR_LIFECYCLE_EVENTS))
                .isInstanceOfSatisfying(SchemaRegistrationException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("hr-lifecycle-events-value")
                .hasMessageContaining("RuleViolationException")
                .hasMessageContaining("Incompatible artifact");
    }

    @Test
    void shouldReportAnUnreachableRegistryWithItsUrl() throws IOException {
        // Given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/apis/registry/v3";

        // When / Then
        assertThatThrownBy(() -> new SchemaRegistrar(url).register(Topics.ACCESS_EVENTS))
                .isInstanceOfSatisfying(SchemaRegistrationException.class,
                        e -> assertThat(e.status()).isEqualTo(SchemaRegistrationException.NO_RESPONSE))
                .hasMessageContaining("Cannot reach the registry at " + url);
    }

    @Test
    void shouldRejectARegistryUrlThatIsNotAbsoluteHttp() {
        assertThatThrownBy(() -> new SchemaRegistrar("localhost:8085/apis/registry/v3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> new SchemaRegistrar(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private record Answer(int status, String body) {
    }

    /** Starts a stand-in that answers "METHOD path?query" with the canned answer, else 500; records "METHOD uri body". */
    private String startRegistry(Map<String, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(key + " " + body);
            Answer answer = answers.getOrDefault(key, new Answer(500, "{\"detail\":\"unexpected " + key + "\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/registry/v3/";
    }
}
