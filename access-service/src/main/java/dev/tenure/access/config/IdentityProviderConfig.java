package dev.tenure.access.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The identity provider, a Keycloak realm ({@code tenure.access.idp.*}; environment {@code TENURE_ACCESS_IDP_BASE_URL}
 * etc.): its connector exists only when a base URL is configured, serving the target the policy's {@code MFA}
 * entitlements name.
 */
@ConfigMapping(prefix = "tenure.access.idp")
public interface IdentityProviderConfig {

    /** Keycloak's base URL, e.g. {@code https://login.example}; unset = no identity-provider connector. */
    Optional<String> baseUrl();

    /** The realm the people's accounts live in. */
    @WithDefault("tenure")
    String realm();

    /** A confidential client of the realm whose service account holds realm-management's view-users, manage-users. */
    Optional<String> clientId();

    Optional<String> clientSecret();

    /** The target name the policy gives the identity provider. */
    @WithDefault("idp")
    String targetSystem();

    /** The domain of the work address used as {@code username} and {@code email}. */
    @WithDefault("example.gov")
    String mailDomain();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration requestTimeout();
}
