package dev.tenure.access.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.access.AccessStep;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static final Instant CONFIRMED = Instant.parse("2026-06-30T17:00:01Z");
    private static final Instant WRITTEN = Instant.parse("2026-06-30T17:00:02Z");
    private final Outcomes outcomes = new Outcomes(() -> new UUID(7, 7));

    @Test
    void shouldNameEveryStepAsTheActionOfTheSameName() {
        for (AccessStep step : AccessStep.values()) {
            AccessCommand command = CommandExecutionLoopTest.setEnabled("P1", false, step);
            assertThat(Outcomes.action(command).name()).isEqualTo(step.name());
        }
    }

    @Test
    void shouldSayAlreadySoWithoutReason() {
        AccessEvent event = outcomes.alreadySo(CommandExecutionLoopTest.ensureAccount("P1", true), CONFIRMED, WRITTEN);

        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.ALREADY_SO);
        assertThat(event.getReason()).isNull();
        assertThat(event.getAction()).isEqualTo(AccessAction.ACCOUNT_CREATED);
        assertThat(event.getEffectiveAt()).isEqualTo(CONFIRMED);
        assertThat(event.getOccurredAt()).isEqualTo(WRITTEN);
        assertThat(event.getEventId()).isEqualTo(new UUID(7, 7).toString());
    }

    @Test
    void shouldSayFailedWithTheReasonAndTheTimeOfTheLastAttempt() {
        AccessCommand disable = CommandExecutionLoopTest.setEnabled("P1", false, AccessStep.ACCOUNT_DISABLED);

        AccessEvent event = outcomes.failed(disable, "no account for P1", CONFIRMED, WRITTEN);

        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.FAILED);
        assertThat(event.getReason()).isEqualTo("no account for P1");
        assertThat(event.getAction()).isEqualTo(AccessAction.ACCOUNT_DISABLED);
        assertThat(event.getEffectiveAt()).isEqualTo(CONFIRMED);
        assertThat(event.getActionId()).isEqualTo(disable.getActionId());
        assertThat(event.getDueAt()).isEqualTo(disable.getDueAt());
        assertThat(event.getEntitlement()).isNull();
    }

    @Test
    void shouldSayWaitingForHumanAsAnOpenedManualTaskUnderTheCommandsIdentity() {
        AccessCommand revoke = CommandExecutionLoopTest.setEnabled("P1", false, AccessStep.ENTITLEMENT_REVOKED);

        AccessEvent event = outcomes.waitingForHuman(revoke, "task t1 in queue payroll", CONFIRMED, WRITTEN);

        assertThat(event.getAction()).isEqualTo(AccessAction.MANUAL_TASK_OPENED);
        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.WAITING_FOR_HUMAN);
        assertThat(event.getReason()).isEqualTo("task t1 in queue payroll");
        assertThat(event.getActionId()).isEqualTo(revoke.getActionId());
        assertThat(event.getCausationId()).isEqualTo(revoke.getCausationId());
        assertThat(event.getCorrelationId()).isEqualTo(revoke.getCorrelationId());
        assertThat(event.getDueAt()).isEqualTo(revoke.getDueAt());
        assertThat(event.getActor()).isEqualTo("access-service");
    }
}
