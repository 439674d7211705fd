package dev.tenure.access.execution;

import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The outcome event of one command: the command's identity (person, target, entitlement, actionId, dueAt, the causing
 * HR event) with what became of it. {@code action} is the command's step under the same name.
 */
public final class Outcomes {

    /** The producing service and the actor of every change the executor makes itself. */
    public static final String SERVICE = "access-service";

    private final Supplier<UUID> ids;

    public Outcomes() {
        this(UUID::randomUUID);
    }

    /** With the event ids from {@code ids} (tests pass a predictable sequence). */
    public Outcomes(Supplier<UUID> ids) {
        this.ids = ids;
    }

    /** The target was changed now. */
    public AccessEvent done(AccessCommand command, Instant effectiveAt, Instant occurredAt) {
        return event(command, action(command), AccessOutcome.DONE, null, effectiveAt, occurredAt);
    }

    /** The target already was as commanded (a replay, a duplicate, or a change made by hand). */
    public AccessEvent alreadySo(AccessCommand command, Instant confirmedAt, Instant occurredAt) {
        return event(command, action(command), AccessOutcome.ALREADY_SO, null, confirmedAt, occurredAt);
    }

    /** The change was not made and will not be without an operator: {@code attemptedAt} is the last attempt. */
    public AccessEvent failed(AccessCommand command, String reason, Instant attemptedAt, Instant occurredAt) {
        return event(command, action(command), AccessOutcome.FAILED, reason, attemptedAt, occurredAt);
    }

    /**
     * A person must make the change: a manual task was opened (or is still open) for it. Reported as
     * {@code MANUAL_TASK_OPENED} / {@code WAITING_FOR_HUMAN} under the command's actionId, with where it waits as the
     * reason; the person's answer comes later under the same actionId.
     */
    public AccessEvent waitingForHuman(AccessCommand command, String where, Instant openedAt, Instant occurredAt) {
        return event(command, AccessAction.MANUAL_TASK_OPENED, AccessOutcome.WAITING_FOR_HUMAN, where, openedAt,
                occurredAt);
    }

    /** The command's step as an outcome action; a step this version does not know is UNKNOWN, never a crash. */
    public static AccessAction action(AccessCommand command) {
        if (command.getStep() == null) {
            return AccessAction.UNKNOWN;
        }
        try {
            return AccessAction.valueOf(command.getStep().name());
        } catch (IllegalArgumentException e) {
            return AccessAction.UNKNOWN;
        }
    }

    private AccessEvent event(AccessCommand command, AccessAction action, AccessOutcome outcome, String reason,
                              Instant effectiveAt, Instant occurredAt) {
        return AccessEvent.newBuilder()
                .setEventId(ids.get().toString())
                .setOccurredAt(occurredAt)
                .setCausationId(command.getCausationId())
                .setCorrelationId(command.getCorrelationId())
                .setSource(SERVICE)
                .setPersonId(command.getPersonId())
                .setAgency(command.getAgency())
                .setTargetSystem(command.getTargetSystem())
                .setEntitlement(command.getEntitlement())
                .setAction(action)
                .setOutcome(outcome)
                .setReason(reason)
                .setEffectiveAt(effectiveAt)
                .setActor(SERVICE)
                .setActionId(command.getActionId())
                .setDueAt(command.getDueAt())
                .build();
    }
}
