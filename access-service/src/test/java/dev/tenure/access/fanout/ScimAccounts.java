package dev.tenure.access.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.testkit.ScimServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The users of a SCIM application as its own API lists them, independently of the service's connector: whether each
 * (by {@code externalId}, the person id) is active.
 */
final class ScimAccounts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 200;

    private ScimAccounts() {
    }

    /** externalId → active, for every user of the application. */
    static Map<String, Boolean> activeByPerson(ScimServer server) throws IOException, InterruptedException {
        Map<String, Boolean> active = new HashMap<>();
        for (int start = 1; ; start += PAGE) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Users?startIndex=" + start
                            + "&count=" + PAGE))
                    .header("Authorization", "Bearer " + server.token()).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET Users answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode user : page.path("Resources")) {
                active.put(user.path("externalId").asText(), user.path("active").asBoolean(true));
            }
            if (start + PAGE > page.path("totalResults").asInt()) {
                return active;
            }
        }
    }
}
