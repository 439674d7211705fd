package dev.tenure.testkit;

import dev.tenure.peers.KeycloakServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/** The Keycloak peer: started from its Maven Central distribution, a realm the connector can sign in to, stopped whole. */
class KeycloakIT {

    @Test
    void shouldStartKeycloakAndMakeARealmTheConnectorCanSignInTo() {
        // Given the Keycloak of this JVM
        KeycloakServer keycloak = Keycloak.shared();
        System.out.printf("Keycloak %s ready in %d ms%n", keycloak.version(), keycloak.startedIn().toMillis());
        assertThat(Keycloak.shared()).isSameAs(keycloak);

        // When a realm is made for the connector
        KeycloakServer.Realm realm = keycloak.createRealm("testkit");

        // Then its client signs in with client credentials and may read the realm's users
        KeycloakServer.Answer token = keycloak.postForm(realm.tokenUrl(), Map.of("grant_type", "client_credentials",
                "client_id", realm.clientId(), "client_secret", realm.clientSecret()));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(KeycloakServer.parse(token.body())).containsKey("access_token");
        assertThat(keycloak.admin("GET", "/testkit/users?max=1", null).status()).isEqualTo(200);
        assertThat(keycloak.admin("GET", "/testkit/users/profile", null).body())
                .contains("\"unmanagedAttributePolicy\":\"ADMIN_EDIT\"");
    }

    @Test
    void shouldStopTheJvmThatKcShStartedToo() {
        // Given a Keycloak of its own, running as kc.sh and the JVM it forked
        KeycloakServer keycloak = Keycloak.start();
        List<Long> pids = keycloak.serverPids();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(2);

        // When it is closed
        keycloak.close();

        // Then neither runs any more
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid).isEmpty();
        }
    }
}
