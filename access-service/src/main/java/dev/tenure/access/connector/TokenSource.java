package dev.tenure.access.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Authorization} header of an HTTP target's requests ({@link HttpExchange}): a static bearer token, or one
 * got by OAuth client credentials.
 */
public interface TokenSource {

    /** The header value, e.g. {@code Bearer abc}. */
    String header(HttpClient http, Duration timeout) throws ConnectorException;

    /** The target refused the last header (401): a cached token is dropped, so the next call gets a new one. */
    default void refused() {
    }

    /** Whether {@link #refused()} can help: a new token may be accepted where the old one was not. */
    default boolean renewable() {
        return false;
    }

    static TokenSource bearer(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the bearer token is empty");
        }
        return new TokenSource() {
            @Override
            public String header(HttpClient http, Duration timeout) {
                return "Bearer " + token;
            }

            @Override
            public String toString() {
                return "static bearer token";
            }
        };
    }

    static TokenSource clientCredentials(URI tokenUrl, String clientId, String clientSecret, Optional<String> scope,
                                         Clock clock) {
        return new ClientCredentials(tokenUrl, clientId, clientSecret, scope, clock);
    }

    /**
     * OAuth 2.0 client credentials (RFC 6749 §4.4): the client id and secret by HTTP Basic, the token kept until a
     * minute before it expires (or the target refuses it).
     */
    final class ClientCredentials implements TokenSource {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Duration EARLY = Duration.ofMinutes(1);

        private final URI tokenUrl;
        private final String clientId;
        private final String clientSecret;
        private final Optional<String> scope;
        private final Clock clock;
        private String token;
        private Instant renewAt = Instant.MIN;

        ClientCredentials(URI tokenUrl, String clientId, String clientSecret, Optional<String> scope, Clock clock) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            this.scope = Objects.requireNonNull(scope, "scope");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public synchronized String header(HttpClient http, Duration timeout) throws ConnectorException {
            if (token == null || !clock.instant().isBefore(renewAt)) {
                fetch(http, timeout);
            }
            return "Bearer " + token;
        }

        @Override
        public synchronized void refused() {
            token = null;
        }

        @Override
        public boolean renewable() {
            return true;
        }

        private void fetch(HttpClient http, Duration timeout) throws ConnectorException {
            String form = "grant_type=client_credentials"
                    + scope.map(s -> "&scope=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
            String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw ConnectorException.retryable("token endpoint " + tokenUrl + " unreachable: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConnectorException.retryable("interrupted while asking " + tokenUrl + " for a token", e);
            }
            int status = response.statusCode();
            if (status == 429 || status >= 500) {
                throw ConnectorException.retryableAfter("token endpoint " + tokenUrl + " answered HTTP " + status,
                        RetryAfter.of(response.headers(), clock).orElse(Duration.ZERO), null);
            }
            if (status != 200) {
                throw ConnectorException.permanent("token endpoint " + tokenUrl + " refused the client credentials of "
                        + clientId + ": HTTP " + status, null);
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                String accessToken = body.path("access_token").asText(null);
                if (accessToken == null || accessToken.isBlank()) {
                    throw ConnectorException.permanent("token endpoint " + tokenUrl + " answered no access_token", null);
                }
                long expiresIn = body.path("expires_in").asLong(300);
                token = accessToken;
                Duration life = Duration.ofSeconds(expiresIn);
                renewAt = clock.instant().plus(life.compareTo(EARLY.multipliedBy(2)) > 0 ? life.minus(EARLY)
                        : life.dividedBy(2));
            } catch (IOException e) {
                throw ConnectorException.permanent("token endpoint " + tokenUrl + " answered no JSON: " + e, e);
            }
        }

        @Override
        public String toString() {
            return "OAuth client credentials of " + clientId + " at " + tokenUrl;
        }
    }
}
