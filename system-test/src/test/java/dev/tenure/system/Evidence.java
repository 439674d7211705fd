package dev.tenure.system;

import dev.tenure.tools.feed.FeedEvent;
import java.time.Instant;

/**
 * What the system test reads back from the topics, as plain records: the independent computation of the SLEs
 * ({@link SleOracle}) is written against these, not against the services' own classes.
 */
final class Evidence {

    private Evidence() {
    }

    /** A fed lifecycle event as the intake accepted it: its content from the feed, its stamps from hr-lifecycle-events. */
    record Accepted(FeedEvent event, Instant submittedAt, String correlationId) {
    }

    /** A change access-service planned (access-commands): {@code action} is the command's step. */
    record Planned(String actionId, String causationId, String personId, String action, String targetSystem,
                   String entitlement) {
    }

    /** How an attempt at a change ended (access-events); {@code done} for DONE and ALREADY_SO. */
    record Outcome(String actionId, String causationId, String personId, String action, String targetSystem,
                   String entitlement, boolean done, Instant effectiveAt) {
    }

    /** One change of one item of equipment (equipment-events), in the order of its person's partition. */
    record ItemChange(String itemId, String causationId, String correlationId, String personId, String change,
                      String state, Instant occurredAt) {
    }

    /** A case as the SLE topology last reported it on sle-case-status; its id ends with the opening event's id. */
    record Reported(String caseId, String sle, String personId, String status, Instant dueAt, Instant completedAt) {
    }
}
