package dev.tenure.access.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.planning.Execution.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisablesFirstTest {

    @Test
    void shouldBringEachPersonsLeadingDisablesForwardAndKeepEveryPersonsOwnOrder() {
        List<Execution> ann = List.of(change("ann", Step.ACCOUNT_DISABLED), change("ann", Step.ENTITLEMENT_REVOKED));
        List<Execution> bob = List.of(change("bob", Step.ENTITLEMENT_GRANTED), change("bob", Step.ACCOUNT_DISABLED));
        List<Execution> cat = List.of(change("cat", Step.ACCOUNT_DISABLED), change("cat", Step.ENTITLEMENT_REVOKED),
                change("cat", Step.ENTITLEMENT_REVOKED));

        List<Execution> ordered = DisablesFirst.order(List.of(ann, bob, cat));

        // ann's and cat's disables lead; bob's disable stays behind his grant (it was not first for him)
        assertThat(ordered).extracting(e -> e.personId() + ":" + e.step()).containsExactly(
                "ann:ACCOUNT_DISABLED", "cat:ACCOUNT_DISABLED",
                "ann:ENTITLEMENT_REVOKED", "bob:ENTITLEMENT_GRANTED", "bob:ACCOUNT_DISABLED",
                "cat:ENTITLEMENT_REVOKED", "cat:ENTITLEMENT_REVOKED");
    }

    @Test
    void shouldBringTheIdentityProvidersMfaAndSessionCutsForwardWithTheDisables() {
        List<Execution> ann = List.of(change("ann", Step.ACCOUNT_DISABLED), change("ann", Step.ACCOUNT_DISABLED),
                change("ann", Step.MFA_REVOKED), change("ann", Step.SESSIONS_REVOKED),
                change("ann", Step.ENTITLEMENT_REVOKED));
        List<Execution> bob = List.of(change("bob", Step.ACCOUNT_DISABLED), change("bob", Step.MFA_REVOKED),
                change("bob", Step.SESSIONS_REVOKED));

        List<Execution> ordered = DisablesFirst.order(List.of(ann, bob));

        assertThat(ordered).extracting(e -> e.personId() + ":" + e.step()).containsExactly(
                "ann:ACCOUNT_DISABLED", "ann:ACCOUNT_DISABLED", "ann:MFA_REVOKED", "ann:SESSIONS_REVOKED",
                "bob:ACCOUNT_DISABLED", "bob:MFA_REVOKED", "bob:SESSIONS_REVOKED",
                "ann:ENTITLEMENT_REVOKED");
    }

    @Test
    void shouldLeaveASinglePersonsChangesAsTheyAre() {
        List<Execution> dan = List.of(change("dan", Step.ACCOUNT_ENABLED), change("dan", Step.ACCOUNT_DISABLED));
        assertThat(DisablesFirst.order(List.of(dan))).isEqualTo(dan);
    }

    private static int next;

    private static Execution change(String person, Step step) {
        return new Execution("a" + next++, "cause", person, "EOTSS", "directory", null, step,
                new AccessCommand.SetAccountEnabled(person, step != Step.ACCOUNT_DISABLED), Instant.EPOCH);
    }
}
