package dev.tenure.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenure.access.support.CommandTopics;
import dev.tenure.access.support.HrEvents;
import dev.tenure.access.support.HrTopic;
import dev.tenure.access.support.KeycloakEnrolment;
import dev.tenure.access.support.KeycloakProfile;
import dev.tenure.access.support.KeycloakTestResource;
import dev.tenure.access.support.TestClockProducer;
import dev.tenure.peers.KeycloakServer;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.hr.Position;
import dev.tenure.testkit.Keycloak;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import static dev.tenure.access.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The identity provider through the running service: real HR events on the real broker, the example policy's
 * {@code mfa} entitlement at the managed target {@code idp}, a clock the test moves, and a real Keycloak showing each
 * effect — the account made for the joiner with MFA to set up, enabled on the start date, and at an immediate
 * termination disabled, its OTP credential removed and its sessions ended, each reported DONE on
 * {@code access-events}.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class KeycloakLifecycleIT {

    private static final Position ANALYST = HrEvents.position("DOR", "Revenue Analysis", "FIN-AN-3",
            "Revenue Analyst");

    @Test
    void shouldMakeTheIdpAccountForAJoinerAndCutMfaAndSessionsAtAnImmediateTermination() throws Exception {
        KeycloakServer keycloak = Keycloak.shared();
        KeycloakEnrolment idp = new KeycloakEnrolment(keycloak, KeycloakTestResource.REALM);
        String person = "K" + UUID.randomUUID().toString().substring(0, 7);
        LocalDate start = LocalDate.now().plusDays(3);

        // Given a joiner starting in three days: the identity provider's account is made now, disabled, with MFA to
        // set up at the first sign-in
        HrTopic.publish(HrEvents.joiner(person, "Katherine", "Johnson", ANALYST, start,
                TestClockProducer.CLOCK.instant()));
        JsonNode prepared = await("the prepared idp account", () -> idp.user(person),
                u -> !u.path("enabled").asBoolean(true));
        assertThat(KeycloakEnrolment.texts(prepared.path("requiredActions"))).contains("CONFIGURE_TOTP");
        assertThat(prepared.path("username").asText()).isEqualTo("katherine.johnson@example.test");

        // When the clock reaches midnight of the start date in New York: enabled
        TestClockProducer.CLOCK.set(start.atStartOfDay(ZoneId.of(HrEvents.ZONE)).toInstant());
        JsonNode enabled = await("the enabled idp account", () -> idp.user(person),
                u -> u.path("enabled").asBoolean(false));

        // And the person enrols a password and an authenticator app, and signs in
        String password = "Tenure-" + person + "-pw";
        idp.importWithPasswordAndOtp((ObjectNode) enabled, password);
        KeycloakServer.Answer signIn = idp.signIn(enabled.path("username").asText(), password);
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        String refreshToken = KeycloakEnrolment.json(signIn).path("refresh_token").asText();
        String userId = idp.user(person).orElseThrow().path("id").asText();
        assertThat(idp.credentialTypes(userId)).contains("otp");
        assertThat(idp.sessions(userId)).isEqualTo(1);

        // When they are terminated immediately
        Instant terminated = TestClockProducer.CLOCK.instant();
        long published = System.nanoTime();
        HrTopic.publish(HrEvents.leaver(person, "DOR", start, true, terminated));

        // Then the idp's outcomes say disabled, MFA revoked and sessions revoked, all DONE, in that order
        Predicate<AccessEvent> idpCut = e -> e.getPersonId().equals(person) && e.getTargetSystem().equals("idp")
                && List.of(AccessAction.ACCOUNT_DISABLED, AccessAction.MFA_REVOKED, AccessAction.SESSIONS_REVOKED)
                .contains(e.getAction());
        List<AccessEvent> cut = CommandTopics.awaitEvents(idpCut, 3, Duration.ofSeconds(60));
        System.out.printf("KeycloakLifecycleIT: leaver published → the idp's three outcomes read back: %d ms (wall "
                + "clock; the service's clock stood still)%n", (System.nanoTime() - published) / 1_000_000);
        assertThat(cut).extracting(AccessEvent::getAction).containsExactly(AccessAction.ACCOUNT_DISABLED,
                AccessAction.MFA_REVOKED, AccessAction.SESSIONS_REVOKED);
        assertThat(cut).extracting(AccessEvent::getOutcome).containsOnly(AccessOutcome.DONE);
        assertThat(cut).extracting(AccessEvent::getEntitlement).containsOnly("mfa");
        for (AccessEvent e : cut) {
            System.out.printf("KeycloakLifecycleIT: %s %s at %s (service clock), due %s%n", e.getAction(),
                    e.getOutcome(), e.getEffectiveAt(), e.getDueAt());
        }

        // And Keycloak shows it: disabled, no OTP credential, no session, the refresh token and a new sign-in refused
        JsonNode after = idp.user(person).orElseThrow();
        assertThat(after.path("enabled").asBoolean(true)).isFalse();
        assertThat(idp.credentialTypes(userId)).doesNotContain("otp");
        assertThat(idp.sessions(userId)).isZero();
        KeycloakServer.Answer refreshed = idp.refresh(refreshToken);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(400);
        assertThat(refreshed.body()).contains("\"invalid_grant\"");
        KeycloakServer.Answer again = idp.signIn(after.path("username").asText(), password);
        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(again.body()).containsIgnoringCase("disabled");
    }
}
