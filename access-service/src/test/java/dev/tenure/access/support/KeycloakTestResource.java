package dev.tenure.access.support;

import dev.tenure.peers.KeycloakServer;
import dev.tenure.testkit.Keycloak;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service's identity-provider connector at a realm of its own in the test kit's Keycloak (started once per
 * test JVM), and makes the identity provider a managed target. The realm's name is {@link #REALM}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "tenure-service-it";

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = Keycloak.shared();
        KeycloakServer.Realm realm = keycloak.createRealm(REALM);
        return Map.of(
                "tenure.access.idp.base-url", keycloak.baseUrl(),
                "tenure.access.idp.realm", realm.name(),
                "tenure.access.idp.client-id", realm.clientId(),
                "tenure.access.idp.client-secret", realm.clientSecret(),
                "tenure.access.idp.mail-domain", "example.test",
                "tenure.access.managed-targets", "directory,idp");
    }

    @Override
    public void stop() {
        // shared by the test JVM; stopped when it ends
    }
}
