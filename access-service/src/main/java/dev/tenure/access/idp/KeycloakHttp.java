package dev.tenure.access.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.RetryAfter;
import dev.tenure.access.scim.ScimAuthorization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Keycloak admin REST requests over the JDK's HTTP client, with a token got by OAuth client credentials and kept until
 * shortly before it expires, and what an answer means for the executor: unreachable, a timeout, 429, 5xx → retryable
 * (with the {@code Retry-After} Keycloak or a proxy sent); 401 → the token is renewed once, then permanent; 403 →
 * permanent (the client's service account lacks a role); anything else is handed back for the connector to judge.
 */
final class KeycloakHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and body (missing when none or not JSON). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Keycloak's {@code errorMessage} / {@code error_description} / {@code error}, or the status alone. */
        String detail() {
            String message = body.path("errorMessage").asText(body.path("error_description")
                    .asText(body.path("error").asText("")));
            return "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
        }
    }

    private final KeycloakSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ScimAuthorization token;

    KeycloakHttp(KeycloakSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.token = ScimAuthorization.clientCredentials(settings.tokenUrl(), settings.clientId(),
                settings.clientSecret(), Optional.empty(), clock);
    }

    Answer get(String path) throws ConnectorException {
        return send("GET", path, null);
    }

    /** One request to the realm's admin API; {@code path} is under {@code /admin/realms/<realm>} ("" for the realm). */
    Answer send(String method, String path, JsonNode body) throws ConnectorException {
        String what = method + " " + path;
        boolean renewed = false;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.adminUrl() + path))
                    .timeout(settings.requestTimeout())
                    .header("Accept", "application/json")
                    .header("Authorization", token.header(http, settings.requestTimeout()));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw ConnectorException.retryable(settings.targetSystem() + " unreachable (" + what + "): " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConnectorException.retryable("interrupted during " + what + " on " + settings.targetSystem(), e);
            }
            Answer answer = new Answer(response.statusCode(), parse(response.body()));
            int status = answer.status();
            if (status == 401 && !renewed) {
                token.refused(); // expired or revoked early: one new token, then the answer stands
                renewed = true;
                continue;
            }
            if (status == 429 || status == 503) {
                Duration wait = RetryAfter.of(response.headers(), clock).orElse(Duration.ZERO);
                throw ConnectorException.retryableAfter(settings.targetSystem() + " is busy (" + what + "): "
                        + answer.detail() + (wait.isZero() ? "" : ", retry after " + wait.toSeconds() + " s"),
                        wait, null);
            }
            if (status >= 500) {
                throw ConnectorException.retryable(settings.targetSystem() + " failed (" + what + "): "
                        + answer.detail(), null);
            }
            if (status == 401) {
                throw ConnectorException.permanent(settings.targetSystem() + " refused the token of client "
                        + settings.clientId() + " (" + what + "): " + answer.detail(), null);
            }
            if (status == 403) {
                throw ConnectorException.permanent(settings.targetSystem() + ": client " + settings.clientId()
                        + " may not " + what + " in realm " + settings.realm() + " (" + answer.detail() + "); its "
                        + "service account needs realm-management's view-users and manage-users roles", null);
            }
            return answer;
        }
    }

    /** A 4xx the connector has no better reading of: permanent, with Keycloak's own words. */
    ConnectorException refused(String what, Answer answer) {
        if (answer.status() == 404) {
            return ConnectorException.permanent(settings.targetSystem() + " refused " + what + ": " + answer.detail()
                    + " (does realm " + settings.realm() + " exist at " + settings.baseUrl() + "?)", null);
        }
        return ConnectorException.permanent(settings.targetSystem() + " refused " + what + ": " + answer.detail(),
                null);
    }

    @Override
    public String toString() {
        return token.toString();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
