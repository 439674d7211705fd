package dev.tenure.access.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * SCIM requests over the JDK's HTTP client, and what an answer means for the executor: an unreachable application, a
 * timeout, 429, 5xx → retryable (with the {@code Retry-After} the application sent); 401 → the token is renewed once,
 * then permanent; anything else is handed back for the connector to judge (404, 409, 412 mean things there).
 */
final class ScimHttp {

    static final String SCIM_JSON = "application/scim+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, body (missing when none or not JSON) and headers. */
    record Answer(int status, JsonNode body, HttpHeaders headers) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The SCIM error's {@code detail} (RFC 7644 §3.12), or the status alone. */
        String detail() {
            String detail = body.path("detail").asText("");
            String scimType = body.path("scimType").asText("");
            return "HTTP " + status + (scimType.isEmpty() ? "" : " " + scimType) + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final HttpClient http;
    private final ScimSettings settings;
    private final Clock clock;

    ScimHttp(ScimSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer get(String path) throws ConnectorException {
        return send("GET", path, null, null);
    }

    /** Sends one request; {@code ifMatch} is the resource's version when the application supports etags. */
    Answer send(String method, String path, JsonNode body, String ifMatch) throws ConnectorException {
        String what = method + " " + path;
        boolean renewed = false;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                    .timeout(settings.requestTimeout())
                    .header("Accept", SCIM_JSON + ", application/json")
                    .header("Authorization", settings.authorization().header(http, settings.requestTimeout()));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", SCIM_JSON).method(method,
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
            Answer answer = new Answer(response.statusCode(), parse(response.body()), response.headers());
            int status = answer.status();
            if (status == 401 && !renewed && settings.authorization().renewable()) {
                settings.authorization().refused();
                renewed = true;
                continue;
            }
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(response.headers(), clock).orElse(Duration.ZERO);
                throw ConnectorException.retryableAfter(settings.targetSystem() + " is busy (" + what + "): "
                        + answer.detail() + (wait.isZero() ? "" : ", retry after " + wait.toSeconds() + " s"),
                        wait, null);
            }
            if (status >= 500) {
                throw ConnectorException.retryable(settings.targetSystem() + " failed (" + what + "): "
                        + answer.detail(), null);
            }
            if (status == 401 || status == 403) {
                throw ConnectorException.permanent(settings.targetSystem() + " refused the credentials ("
                        + settings.authorization() + ", " + what + "): " + answer.detail(), null);
            }
            return answer;
        }
    }

    /** A 4xx the connector has no better reading of: permanent, with the application's own words. */
    ConnectorException refused(String what, Answer answer) {
        return ConnectorException.permanent(settings.targetSystem() + " refused " + what + ": " + answer.detail(),
                null);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        return RetryAfter.of(headers, clock);
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
