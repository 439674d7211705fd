package dev.tenure.access.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.access.execution.MassChangeBrake.Admission;
import dev.tenure.access.execution.MassChangeBrake.HeldCommand;
import dev.tenure.access.execution.MassChangeBrake.Snapshot;
import dev.tenure.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MassChangeBrakeTest {

    private static final Set<String> DESTRUCTIVE = Set.of("ACCOUNT_DISABLED", "ACCOUNT_DELETED");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-30T17:00:00Z"));
    private final MassChangeBrake brake = new MassChangeBrake(3, Duration.ofMinutes(5), DESTRUCTIVE, clock);

    @Test
    void shouldLetThresholdManyDisablesThroughAndHoldTheNext() {
        for (int i = 0; i < 3; i++) {
            assertThat(admit("directory", "ACCOUNT_DISABLED", i)).isEqualTo(Admission.PROCEED);
        }

        assertThat(admit("directory", "ACCOUNT_DELETED", 3)).isEqualTo(Admission.HOLD);

        Snapshot s = brake.snapshot();
        assertThat(s.engaged()).isTrue();
        assertThat(s.engagedTarget()).contains("directory");
        assertThat(s.engagedSince()).contains(clock.instant());
        assertThat(s.engagedReason().orElseThrow()).contains("4 ACCOUNT_DELETED/ACCOUNT_DISABLED changes for target "
                + "directory within PT5M (threshold 3)");
        assertThat(s.held()).contains(held("directory", "ACCOUNT_DELETED", 3));
        assertThat(s.counts()).containsEntry("directory", 3);
    }

    @Test
    void shouldHoldEverythingWhileEngagedWhateverTheStepOrTarget() {
        tripOn("directory");

        assertThat(admit("directory", "ACCOUNT_CREATED", 9)).isEqualTo(Admission.HOLD);
        assertThat(admit("scim-slack", "ENTITLEMENT_GRANTED", 10)).isEqualTo(Admission.HOLD);
        assertThat(brake.snapshot().held()).contains(held("directory", "ACCOUNT_DISABLED", 3));
    }

    @Test
    void shouldNotCountGrantsEnablesOrRevocations() {
        for (int i = 0; i < 100; i++) {
            assertThat(admit("directory", i % 2 == 0 ? "ACCOUNT_ENABLED" : "ENTITLEMENT_REVOKED", i))
                    .isEqualTo(Admission.PROCEED);
        }
        assertThat(brake.engaged()).isFalse();
        assertThat(brake.snapshot().counts()).isEmpty();
    }

    @Test
    void shouldCountEachTargetSystemOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            admit("directory", "ACCOUNT_DISABLED", i);
            admit("idp", "ACCOUNT_DISABLED", i);
        }
        assertThat(brake.engaged()).isFalse();
        assertThat(brake.snapshot().counts()).containsEntry("directory", 3).containsEntry("idp", 3);
    }

    @Test
    void shouldForgetChangesOlderThanTheWindow() {
        admit("directory", "ACCOUNT_DISABLED", 0);
        clock.advance(Duration.ofMinutes(2));
        admit("directory", "ACCOUNT_DISABLED", 1);
        admit("directory", "ACCOUNT_DISABLED", 2);
        clock.advance(Duration.ofMinutes(3)); // the first is now exactly 5 minutes old: out of the window

        assertThat(brake.snapshot().counts()).containsEntry("directory", 2);
        assertThat(admit("directory", "ACCOUNT_DISABLED", 3)).isEqualTo(Admission.PROCEED);
        assertThat(admit("directory", "ACCOUNT_DISABLED", 4)).isEqualTo(Admission.HOLD);
    }

    @Test
    void shouldResumeWithTheHeldCommandAndAFreshWindowOnRelease() {
        tripOn("directory");
        clock.advance(Duration.ofMinutes(1));

        Snapshot after = brake.release("ops-anna", "HR confirmed the office closure");

        assertThat(after.engaged()).isFalse();
        assertThat(after.held()).isEmpty();
        assertThat(after.counts()).isEmpty();
        assertThat(after.lastRelease()).hasValueSatisfying(r -> {
            assertThat(r.by()).isEqualTo("ops-anna");
            assertThat(r.reason()).isEqualTo("HR confirmed the office closure");
            assertThat(r.at()).isEqualTo(clock.instant());
            assertThat(r.target()).isEqualTo("directory");
            assertThat(r.countAtEngagement()).isEqualTo(4);
        });
        // the held one runs first, then a whole new window
        for (int i = 3; i < 6; i++) {
            assertThat(admit("directory", "ACCOUNT_DISABLED", i)).isEqualTo(Admission.PROCEED);
        }
        assertThat(admit("directory", "ACCOUNT_DISABLED", 6)).isEqualTo(Admission.HOLD);
    }

    @Test
    void shouldRefuseAReleaseWithoutReasonOrWhenNotEngaged() {
        assertThatThrownBy(() -> brake.release("ops", "fine")).isInstanceOf(IllegalStateException.class);
        tripOn("directory");
        assertThatThrownBy(() -> brake.release("ops", "  ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(brake.engaged()).isTrue();
    }

    @Test
    void shouldStayEngagedWhenRestoredAfterARestart() {
        long before = brake.generation();
        brake.restoreEngaged("directory", Instant.parse("2026-06-30T16:58:00Z"), "4 changes (restored)");

        assertThat(brake.engaged()).isTrue();
        assertThat(brake.generation()).isGreaterThan(before);
        assertThat(admit("directory", "ACCOUNT_ENABLED", 0)).isEqualTo(Admission.HOLD);
        assertThat(brake.snapshot().engagedSince()).contains(Instant.parse("2026-06-30T16:58:00Z"));
    }

    @Test
    void shouldTripOnTheFirstWithAThresholdOfZero() {
        MassChangeBrake strict = new MassChangeBrake(0, Duration.ofMinutes(5), DESTRUCTIVE, clock);
        assertThat(strict.admit("directory", "ACCOUNT_DELETED", held("directory", "ACCOUNT_DELETED", 0)))
                .isEqualTo(Admission.HOLD);
    }

    private void tripOn(String target) {
        for (int i = 0; i < 4; i++) {
            admit(target, "ACCOUNT_DISABLED", i);
        }
        assertThat(brake.engaged()).isTrue();
    }

    private Admission admit(String target, String step, int offset) {
        return brake.admit(target, step, held(target, step, offset));
    }

    private static HeldCommand held(String target, String step, int offset) {
        return new HeldCommand("P" + offset, "action-" + offset, target, step, 0, offset);
    }
}
