package dev.tenure.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what the registry holds through its own v3 REST API, independently of the code under test. */
public final class RegistryRest {

    private static final String ARTIFACTS = "/groups/default/artifacts";

    private final String apiBase;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public RegistryRest(String apiBase) {
        this.apiBase = apiBase.replaceAll("/+$", "");
    }

    public List<String> artifactIds() {
        List<String> ids = new ArrayList<>();
        get(ARTIFACTS + "?limit=1000").orElseThrow().path("artifacts")
                .forEach(artifact -> ids.add(artifact.path("artifactId").asText()));
        return ids;
    }

    public boolean artifactExists(String artifactId) {
        return get(ARTIFACTS + "/" + artifactId).isPresent();
    }

    /** The artifact's COMPATIBILITY rule config, or empty when it has none. */
    public Optional<String> compatibilityRule(String artifactId) {
        return get(ARTIFACTS + "/" + artifactId + "/rules/COMPATIBILITY").map(rule -> rule.path("config").asText());
    }

    public int versionCount(String artifactId) {
        return versions(artifactId).size();
    }

    /** The contentId of each version of the artifact, oldest first. */
    public List<Long> contentIds(String artifactId) {
        return versions(artifactId).stream().map(version -> version.path("contentId").asLong()).toList();
    }

    /** The schema text stored under a contentId (what a serde resolves the id in a record to). */
    public String contentById(long contentId) {
        return getText("/ids/contentIds/" + contentId);
    }

    private List<JsonNode> versions(String artifactId) {
        List<JsonNode> versions = new ArrayList<>();
        get(ARTIFACTS + "/" + artifactId + "/versions?limit=1000").orElseThrow(
                () -> new AssertionError("No artifact " + artifactId)).path("versions").forEach(versions::add);
        return versions;
    }

    private Optional<JsonNode> get(String path) {
        HttpResponse<String> response = send(path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " answered " + response.body(), e);
        }
    }

    private String getText(String path) {
        return send(path).body();
    }

    private HttpResponse<String> send(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 404 && response.statusCode() / 100 != 2) {
                throw new AssertionError("GET " + request.uri() + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
