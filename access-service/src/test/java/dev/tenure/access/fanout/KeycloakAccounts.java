package dev.tenure.access.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.peers.KeycloakServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The users of a Keycloak realm as its admin API lists them, independently of the service's connector: whether each
 * (by its {@code tenurePersonId} attribute) is enabled.
 */
final class KeycloakAccounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private KeycloakAccounts() {
    }

    /** tenurePersonId → enabled, for every user of the realm that has one. */
    static Map<String, Boolean> enabledByPerson(KeycloakServer keycloak, String realm) throws IOException {
        Map<String, Boolean> enabled = new HashMap<>();
        for (int first = 0; ; first += PAGE) {
            KeycloakServer.Answer answer = keycloak.admin("GET", "/" + realm + "/users?briefRepresentation=false&first="
                    + first + "&max=" + PAGE, null);
            if (!answer.ok()) {
                throw new IllegalStateException("GET users answered " + answer.status() + ": " + answer.body());
            }
            JsonNode page = JSON.readTree(answer.body());
            for (JsonNode user : page) {
                JsonNode personId = user.path("attributes").path("tenurePersonId").path(0);
                if (!personId.isMissingNode()) {
                    enabled.put(personId.asText(), user.path("enabled").asBoolean());
                }
            }
            if (page.size() < PAGE) {
                return enabled;
            }
        }
    }
}
