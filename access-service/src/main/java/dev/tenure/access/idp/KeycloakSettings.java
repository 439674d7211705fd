package dev.tenure.access.idp;

import dev.tenure.access.connector.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The identity provider (a Keycloak realm) as the connector reaches it.
 *
 * @param targetSystem   the identity provider's target name in the policy (the connector's {@code targetSystem()})
 * @param baseUrl        Keycloak's base URL, e.g. {@code https://login.example} (the realms are under
 *                       {@code /realms/<realm>}, the admin API under {@code /admin/realms/<realm>})
 * @param realm          the realm the people's accounts live in
 * @param clientId       a confidential client of that realm with a service account holding realm-management's
 *                       {@code view-users} and {@code manage-users}
 * @param clientSecret   its secret (OAuth 2.0 client credentials against the realm's token endpoint)
 * @param mailDomain     the domain of the work address used as {@code username} and {@code email}
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout how long one request may take before it counts as a (retryable) failure
 */
public record KeycloakSettings(String targetSystem, URI baseUrl, String realm, String clientId, String clientSecret,
                               String mailDomain, Duration connectTimeout, Duration requestTimeout) {

    public KeycloakSettings {
        baseUrl = HttpExchange.baseUrl("Keycloak", targetSystem, baseUrl, connectTimeout, requestTimeout);
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(mailDomain, "mailDomain");
        if (realm.isBlank() || clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException("the identity provider " + targetSystem
                    + " needs a realm, a client id and a client secret");
        }
    }

    /** Defaults for the rest: work addresses at {@code example.gov}, 5 s to connect, 30 s per request. */
    public static KeycloakSettings of(String targetSystem, String baseUrl, String realm, String clientId,
                                      String clientSecret) {
        return new KeycloakSettings(targetSystem, URI.create(baseUrl), realm, clientId, clientSecret, "example.gov",
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The realm's OpenID Connect token endpoint. */
    public URI tokenUrl() {
        return URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token");
    }

    /** The realm's admin REST API base. */
    public URI adminUrl() {
        return URI.create(baseUrl + "/admin/realms/" + realm);
    }

    public KeycloakSettings withTimeouts(Duration connect, Duration request) {
        return new KeycloakSettings(targetSystem, baseUrl, realm, clientId, clientSecret, mailDomain, connect, request);
    }
}
