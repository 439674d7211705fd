package dev.tenure.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.schemas.topics.TopicSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * Registers the catalogue's value schemas in an Apicurio Registry (v3 API), each as artifact
 * "&lt;topic&gt;-value" in group "default" guarded by a BACKWARD compatibility rule.
 * Idempotent: the same content finds its existing version instead of creating a new one.
 */
public final class SchemaRegistrar {

    public static final String GROUP = "default";
    public static final String COMPATIBILITY_RULE = "COMPATIBILITY";
    public static final String BACKWARD = "BACKWARD";

    private static final String ARTIFACT_TYPE = "AVRO";

    private final RegistryHttp http;

    /** @param registryApiUrl the v3 API base, e.g. http://127.0.0.1:8085/apis/registry/v3 */
    public SchemaRegistrar(String registryApiUrl) {
        this(registryApiUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    public SchemaRegistrar(String registryApiUrl, HttpClient client) {
        this.http = new RegistryHttp(apiBase(registryApiUrl), Objects.requireNonNull(client, "client"));
    }

    public List<RegisteredSchema> registerAll(Collection<? extends TopicSpec<?>> topics) {
        return topics.stream().map(this::register).toList();
    }

    public RegisteredSchema register(TopicSpec<?> topic) {
        return register(topic.valueSchemaArtifactId(), topic.valueSchema());
    }

    /**
     * Registers {@code schema} as the artifact's version (or finds the version that already has this
     * content) and makes sure the artifact has the BACKWARD rule.
     *
     * @throws SchemaRegistrationException with the registry's reason, e.g. for an incompatible schema
     */
    public RegisteredSchema register(String artifactId, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        boolean existed = http.getIfFound(artifactPath(artifactId)).isPresent();
        // An existing artifact gets its rule before the new content, so the content is checked against it.
        if (existed) {
            ensureBackwardRule(artifactId);
        }
        RegisteredSchema registered = createOrFindVersion(artifactId, schema);
        if (!existed) {
            ensureBackwardRule(artifactId);
        }
        return registered;
    }

    private RegisteredSchema createOrFindVersion(String artifactId, Schema schema) {
        ObjectNode request = http.json().createObjectNode()
                .put("artifactId", artifactId)
                .put("artifactType", ARTIFACT_TYPE);
        request.putObject("firstVersion").putObject("content")
                .put("content", schema.toString())
                .put("contentType", "application/json");
        JsonNode version;
        try {
            version = http.post(groupPath() + "/artifacts?ifExists=FIND_OR_CREATE_VERSION", request).path("version");
        } catch (SchemaRegistrationException e) {
            throw new SchemaRegistrationException("Could not register " + schema.getFullName()
                    + " as artifact '" + artifactId + "': " + e.getMessage(), e.status());
        }
        return new RegisteredSchema(GROUP, artifactId, version.path("version").asText(),
                version.path("globalId").asLong(), version.path("contentId").asLong());
    }

    private void ensureBackwardRule(String artifactId) {
        String rulePath = artifactPath(artifactId) + "/rules/" + COMPATIBILITY_RULE;
        String current = http.getIfFound(rulePath).map(rule -> rule.path("config").asText()).orElse(null);
        if (BACKWARD.equals(current)) {
            return;
        }
        ObjectNode rule = http.json().createObjectNode()
                .put("ruleType", COMPATIBILITY_RULE)
                .put("config", BACKWARD);
        if (current == null) {
            http.post(artifactPath(artifactId) + "/rules", rule);
        } else {
            http.put(rulePath, rule);
        }
    }

    private String groupPath() {
        return "/groups/" + GROUP;
    }

    private String artifactPath(String artifactId) {
        if (artifactId == null || artifactId.isBlank()) {
            throw new IllegalArgumentException("artifactId must not be blank");
        }
        return groupPath() + "/artifacts/" + URLEncoder.encode(artifactId, StandardCharsets.UTF_8);
    }

    private static URI apiBase(String registryApiUrl) {
        if (registryApiUrl == null || registryApiUrl.isBlank()) {
            throw new IllegalArgumentException("The registry API URL is required, e.g. http://host:port/apis/registry/v3");
        }
        String trimmed = registryApiUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: '" + registryApiUrl + "'", e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("The registry API URL must be an absolute http(s) URL such as "
                    + "http://host:port/apis/registry/v3, not '" + registryApiUrl + "'");
        }
        return uri;
    }
}
