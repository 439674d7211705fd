package dev.tenure.access.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The SCIM 2.0 applications ({@code tenure.access.scim.apps.<target>.*}; environment
 * {@code TENURE_ACCESS_SCIM_APPS__<TARGET>__BASE_URL} etc.), one connector each, named by the target the policy's
 * {@code SCIM_APP} entitlements give.
 */
@ConfigMapping(prefix = "tenure.access.scim")
public interface ScimConfig {

    Map<String, App> apps();

    interface App {

        /** The SCIM base URL, e.g. {@code https://app.example/scim/v2}. */
        String baseUrl();

        /** A static bearer token; or leave it out and give the OAuth client credentials. */
        Optional<String> token();

        /** OAuth 2.0 token endpoint for the client credentials grant. */
        Optional<String> tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** The scope to ask the token endpoint for, if it needs one. */
        Optional<String> scope();

        /** The domain of the work address used as {@code userName} and primary e-mail. */
        @WithDefault("example.gov")
        String mailDomain();

        /** Whether a membership in a group the application lacks creates the group. */
        @WithDefault("true")
        boolean createMissingGroups();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("30s")
        Duration requestTimeout();
    }
}
