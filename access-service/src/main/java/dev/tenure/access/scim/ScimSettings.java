package dev.tenure.access.scim;

import dev.tenure.access.connector.HttpExchange;
import dev.tenure.access.connector.TokenSource;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One SCIM 2.0 application as the connector reaches it.
 *
 * @param targetSystem        the application's target name in the policy (the connector's {@code targetSystem()})
 * @param baseUrl             the SCIM base URL, e.g. {@code https://app.example/scim/v2} (no trailing slash needed)
 * @param authorization       how requests are authorised (a static bearer token or OAuth client credentials)
 * @param mailDomain          the domain of the work address put in {@code emails} and {@code userName}
 * @param createMissingGroups whether a membership in a group the application does not have creates the group
 * @param connectTimeout      TCP connect timeout
 * @param requestTimeout      how long one request may take before it counts as a (retryable) failure
 */
public record ScimSettings(String targetSystem, URI baseUrl, TokenSource authorization, String mailDomain,
                           boolean createMissingGroups, Duration connectTimeout, Duration requestTimeout) {

    public ScimSettings {
        baseUrl = HttpExchange.baseUrl("SCIM", targetSystem, baseUrl, connectTimeout, requestTimeout);
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(mailDomain, "mailDomain");
    }

    /** Defaults for the rest: groups created when missing, 5 s to connect, 30 s per request. */
    public static ScimSettings of(String targetSystem, String baseUrl, TokenSource authorization,
                                  String mailDomain) {
        return new ScimSettings(targetSystem, URI.create(baseUrl), authorization, mailDomain, true,
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public ScimSettings withTimeouts(Duration connect, Duration request) {
        return new ScimSettings(targetSystem, baseUrl, authorization, mailDomain, createMissingGroups, connect, request);
    }
}
