package dev.tenure.access.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP target's requests over the JDK's HTTP client, authorised by a {@link TokenSource}, and what an answer means
 * for the executor: an unreachable target, a timeout, 429, 5xx → retryable (429 and 503 with the {@code Retry-After}
 * the target or a proxy sent); 401 → a renewable token is renewed once, then permanent, as is 403 (worded by the
 * target's {@link HttpDialect}); anything else is handed back for the connector to judge. Redirects are not followed.
 */
public final class HttpExchange {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAIN_JSON = "application/json";

    /** An answer: status, body (missing when none or not JSON), headers, and the status with the target's words. */
    public record Answer(int status, JsonNode body, HttpHeaders headers, String detail) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String targetSystem;
    private final URI baseUrl;
    private final Duration requestTimeout;
    private final TokenSource token;
    private final HttpDialect dialect;
    private final Clock clock;
    private final HttpClient http;
    private final String accept;

    /**
     * @param targetSystem the target's name, for the failures' reasons
     * @param baseUrl      what every request's path is appended to
     * @param clock        for {@code Retry-After} dates and the token's lifetime
     */
    public HttpExchange(String targetSystem, URI baseUrl, Duration connectTimeout, Duration requestTimeout,
                        TokenSource token, HttpDialect dialect, Clock clock) {
        this.targetSystem = Objects.requireNonNull(targetSystem, "targetSystem");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.token = Objects.requireNonNull(token, "token");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.accept = PLAIN_JSON.equals(dialect.mediaType()) ? PLAIN_JSON : dialect.mediaType() + ", " + PLAIN_JSON;
    }

    public String targetSystem() {
        return targetSystem;
    }

    public Answer get(String path) throws ConnectorException {
        return send("GET", path, null, null);
    }

    public Answer send(String method, String path, JsonNode body) throws ConnectorException {
        return send(method, path, body, null);
    }

    /** One request to the base URL + {@code path}; {@code ifMatch} is the resource's version (etags), or null. */
    public Answer send(String method, String path, JsonNode body, String ifMatch) throws ConnectorException {
        String what = method + " " + path;
        boolean renewed = false;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(requestTimeout)
                    .header("Accept", accept)
                    .header("Authorization", token.header(http, requestTimeout));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", dialect.mediaType()).method(method,
                        HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw ConnectorException.retryable(targetSystem + " unreachable (" + what + "): " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConnectorException.retryable("interrupted during " + what + " on " + targetSystem, e);
            }
            JsonNode parsed = parse(response.body());
            int status = response.statusCode();
            Answer answer = new Answer(status, parsed, response.headers(), dialect.detail(status, parsed));
            if (status == 401 && !renewed && token.renewable()) {
                token.refused(); // expired or revoked early: one new token, then the answer stands
                renewed = true;
                continue;
            }
            if (status == 429 || status == 503) {
                Duration wait = RetryAfter.of(response.headers(), clock).orElse(Duration.ZERO);
                throw ConnectorException.retryableAfter(targetSystem + " is busy (" + what + "): " + answer.detail()
                        + (wait.isZero() ? "" : ", retry after " + wait.toSeconds() + " s"), wait, null);
            }
            if (status >= 500) {
                throw ConnectorException.retryable(targetSystem + " failed (" + what + "): " + answer.detail(), null);
            }
            if (status == 401 || status == 403) {
                throw ConnectorException.permanent(dialect.credentialsRefused(what, answer), null);
            }
            return answer;
        }
    }

    /** A 4xx the connector has no better reading of: permanent, with the target's own words. */
    public ConnectorException refused(String what, Answer answer) {
        return ConnectorException.permanent(targetSystem + " refused " + what + ": " + answer.detail()
                + dialect.refusalHint(answer), null);
    }

    /** The token source, as it describes itself (never the secret). */
    @Override
    public String toString() {
        return token.toString();
    }

    /** A path segment or query value, percent-encoded (a space as {@code %20}, not {@code +}). */
    public static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Checks the settings every HTTP target has, and answers its base URL without a trailing slash; refused unless it
     * is http(s).
     *
     * @param kind the kind of target, for the refusal: {@code the SCIM base URL of slack must be http(s)}
     */
    public static URI baseUrl(String kind, String targetSystem, URI baseUrl, Duration connectTimeout,
                              Duration requestTimeout) {
        Objects.requireNonNull(targetSystem, "targetSystem");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String text = baseUrl.toString();
        URI trimmed = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
        if (!"http".equals(trimmed.getScheme()) && !"https".equals(trimmed.getScheme())) {
            throw new IllegalArgumentException("the " + kind + " base URL of " + targetSystem + " must be http(s): "
                    + text);
        }
        return trimmed;
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
