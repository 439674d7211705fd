package dev.tenure.access.idp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenure.access.connector.HttpDialect;
import dev.tenure.access.connector.HttpExchange.Answer;

/**
 * How Keycloak's admin REST API speaks: JSON; its errors say {@code errorMessage}, {@code error_description} or
 * {@code error}; 401 → the client's token is refused; 403 → the client's service account lacks a role; a 404 may
 * mean that the realm is not there.
 */
record KeycloakDialect(KeycloakSettings settings) implements HttpDialect {

    /** Keycloak's {@code errorMessage} / {@code error_description} / {@code error}, or the status alone. */
    @Override
    public String detail(int status, JsonNode body) {
        String message = body.path("errorMessage").asText(body.path("error_description")
                .asText(body.path("error").asText("")));
        return "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
    }

    @Override
    public String credentialsRefused(String what, Answer answer) {
        if (answer.status() == 401) {
            return settings.targetSystem() + " refused the token of client " + settings.clientId() + " (" + what
                    + "): " + answer.detail();
        }
        return settings.targetSystem() + ": client " + settings.clientId() + " may not " + what + " in realm "
                + settings.realm() + " (" + answer.detail() + "); its service account needs realm-management's "
                + "view-users and manage-users roles";
    }

    @Override
    public String refusalHint(Answer answer) {
        return answer.status() == 404
                ? " (does realm " + settings.realm() + " exist at " + settings.baseUrl() + "?)" : "";
    }
}
