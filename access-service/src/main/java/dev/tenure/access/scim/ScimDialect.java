package dev.tenure.access.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenure.access.connector.HttpDialect;
import dev.tenure.access.connector.HttpExchange.Answer;

/**
 * How a SCIM application speaks: {@code application/scim+json}; its errors say {@code scimType} and {@code detail}
 * (RFC 7644 §3.12); 401 and 403 → the credentials are refused. Its 404, 409 and 412 mean things the connector reads.
 */
record ScimDialect(ScimSettings settings) implements HttpDialect {

    @Override
    public String mediaType() {
        return "application/scim+json";
    }

    /** The SCIM error's {@code scimType} and {@code detail}, or the status alone. */
    @Override
    public String detail(int status, JsonNode body) {
        String detail = body.path("detail").asText("");
        String scimType = body.path("scimType").asText("");
        return "HTTP " + status + (scimType.isEmpty() ? "" : " " + scimType) + (detail.isEmpty() ? "" : ": " + detail);
    }

    @Override
    public String credentialsRefused(String what, Answer answer) {
        return settings.targetSystem() + " refused the credentials (" + settings.authorization() + ", " + what + "): "
                + answer.detail();
    }
}
