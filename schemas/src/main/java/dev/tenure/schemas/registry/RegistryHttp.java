package dev.tenure.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** JSON over HTTP to one registry's v3 API; turns the registry's problem details into exceptions. */
final class RegistryHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final URI apiBase;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttp(URI apiBase, HttpClient client) {
        this.apiBase = apiBase;
        this.client = client;
    }

    URI apiBase() {
        return apiBase;
    }

    ObjectMapper json() {
        return json;
    }

    /** GETs a resource; empty when the registry answers 404. */
    Optional<JsonNode> getIfFound(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(response));
    }

    JsonNode post(String path, JsonNode body) {
        return body(send(request(path).POST(jsonBody(body)).build()));
    }

    JsonNode put(String path, JsonNode body) {
        return body(send(request(path).PUT(jsonBody(body)).build()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }

    private HttpRequest.BodyPublisher jsonBody(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write request body", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistrationException("Cannot reach the registry at " + apiBase + " ("
                    + request.method() + " " + request.uri() + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistrationException("Interrupted while calling " + request.uri(), e);
        }
    }

    private JsonNode body(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistrationException(describeFailure(response), response.statusCode());
        }
        if (response.body() == null || response.body().isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistrationException("Registry answered " + response.request().method() + " "
                    + response.request().uri() + " with a body that is not JSON: " + abbreviate(response.body()),
                    response.statusCode());
        }
    }

    /** "POST <uri> failed: HTTP 400 RuleViolationException: Incompatible artifact: ... Causes: ..." */
    private String describeFailure(HttpResponse<String> response) {
        String prefix = response.request().method() + " " + response.request().uri()
                + " failed: HTTP " + response.statusCode();
        try {
            JsonNode problem = json.readTree(response.body());
            String name = problem.path("name").asText("");
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            return prefix + (name.isEmpty() ? "" : " " + name) + (detail.isEmpty() ? "" : ": " + detail);
        } catch (IOException | RuntimeException e) {
            return prefix + ": " + abbreviate(response.body());
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY_IN_MESSAGE ? body : body.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
