package dev.tenure.access.scim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the application says it supports ({@code /ServiceProviderConfig}, RFC 7643 §5), read at first use: the
 * connector patches when it may (else replaces a user with PUT; a group is never replaced), filters when it may
 * (else pages through the resources), and sends {@code If-Match} when etags are supported. Bulk is read and reported,
 * not used: every change is one request, so each has its own outcome.
 */
public record ScimServiceProvider(boolean patch, boolean filter, int filterMaxResults, boolean etag, boolean bulk) {

    /** What the connector assumes of an application without a readable ServiceProviderConfig. */
    public static final ScimServiceProvider ASSUMED = new ScimServiceProvider(true, true, 100, false, false);

    static ScimServiceProvider of(JsonNode config) {
        return new ScimServiceProvider(config.path("patch").path("supported").asBoolean(false),
                config.path("filter").path("supported").asBoolean(false),
                config.path("filter").path("maxResults").asInt(100),
                config.path("etag").path("supported").asBoolean(false),
                config.path("bulk").path("supported").asBoolean(false));
    }

    @Override
    public String toString() {
        return "patch=" + patch + ", filter=" + filter + ", etag=" + etag + ", bulk=" + bulk;
    }
}
