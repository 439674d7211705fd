package dev.tenure.access.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.support.HrTopic;
import dev.tenure.access.support.SlapdAccounts;
import dev.tenure.testkit.PackagedService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A leaver is cut everywhere at once: the packaged service, on the real broker, against slapd, a SCIM application and
 * Keycloak, provisions joiners in all three and then, on their immediate termination, cuts them in all three — each
 * effect read back from the target itself, not from the service's word.
 */
class LeaverFanOutIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private FanOutTargets targets;

    @AfterEach
    void stop() {
        if (targets != null) {
            targets.close();
        }
    }

    @Test
    void shouldCutAnImmediateLeaverInTheDirectoryTheScimApplicationAndTheIdentityProvider() throws Exception {
        // Given the service with slapd, a SCIM application and Keycloak, and six people who start today
        targets = FanOutTargets.start();
        targets.startService("access-fanout-it", PackagedService.TEST_JVM_OPTIONS, WAIT);
        List<String> people = LeaverFanOut.people("F" + UUID.randomUUID().toString().substring(0, 6), 6);
        try (OutcomeWatch watch = new OutcomeWatch()) {
            HrTopic.publish(LeaverFanOut.joiners(people));
            assertThat(watch.awaitAll(people, LeaverFanOut.PROVISIONED, WAIT))
                    .as("provisioned; missing %s", watch.missing(people, LeaverFanOut.PROVISIONED)).isTrue();
            Map<String, Boolean> provisioned = ScimAccounts.activeByPerson(targets.slack);
            Map<String, Boolean> atTheIdp = KeycloakAccounts.enabledByPerson(targets.keycloak, targets.realm.name());
            for (String person : people) {
                assertThat(provisioned).as("the SCIM user of %s", person).containsEntry(person, true);
                assertThat(atTheIdp).as("the Keycloak user of %s", person).containsEntry(person, true);
                assertThat(SlapdAccounts.of(targets.slapd, List.of(person)).get(person)).as("account of %s", person)
                        .singleElement().satisfies(a -> assertThat(a.locked()).isFalse());
            }

            // When all of them are terminated at once
            HrTopic.publish(LeaverFanOut.terminations(people));

            // Then each target confirms the cut, and says so itself: the directory account locked, the SCIM user
            // inactive, the Keycloak user disabled (its MFA and sessions: KeycloakLifecycleIT, KeycloakConnectorIT)
            assertThat(watch.awaitAll(people, LeaverFanOut.CUT, WAIT))
                    .as("cut; missing %s", watch.missing(people, LeaverFanOut.CUT)).isTrue();
            Map<String, Boolean> cut = ScimAccounts.activeByPerson(targets.slack);
            Map<String, Boolean> cutAtTheIdp = KeycloakAccounts.enabledByPerson(targets.keycloak, targets.realm.name());
            Map<String, List<SlapdAccounts.Account>> accounts = SlapdAccounts.of(targets.slapd, people);
            for (String person : people) {
                assertThat(cut).as("the SCIM user of %s", person).containsEntry(person, false);
                assertThat(cutAtTheIdp).as("the Keycloak user of %s", person).containsEntry(person, false);
                assertThat(accounts.get(person)).as("account of %s", person).singleElement()
                        .satisfies(a -> assertThat(a.locked()).isTrue());
            }
            assertThat(watch.failures()).isEmpty();
        }
    }
}
