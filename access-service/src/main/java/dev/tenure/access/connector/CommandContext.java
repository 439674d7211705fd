package dev.tenure.access.connector;

import java.time.Instant;

/**
 * Who and what a command is, beyond the change itself: its deterministic {@code actionId} (the same every time the same
 * milestone is expanded, so a replay is recognisable), the HR event that caused it, the case it belongs to, the person's
 * agency, the target, the policy entitlement, the step (in the words of the outcome events) and when it was due. Most
 * connectors need none of it; one that keeps its own record of work (manual tasks) keys it by {@code actionId}.
 */
public record CommandContext(String actionId, String causationId, String correlationId, String personId, String agency,
                             String targetSystem, String entitlement, String step, Instant dueAt) {
}
