package dev.tenure.access.execution;

/**
 * The headers of a dead letter on {@code access-service-access-commands-dlq} (its value is the original record's
 * bytes, its key the original key), and of the replay marker written next to it when an operator replays it.
 */
public final class DeadLetterHeaders {

    /** Why the command failed for good, in words. */
    public static final String REASON = "tenure.dlq.reason";
    /** ISO-8601 instant of the dead-lettering. */
    public static final String FAILED_AT = "tenure.dlq.failed-at";
    /** How many times the connector was tried (0 when the record could not even be read). */
    public static final String ATTEMPTS = "tenure.dlq.attempts";
    public static final String SOURCE_TOPIC = "tenure.dlq.source-topic";
    public static final String SOURCE_PARTITION = "tenure.dlq.source-partition";
    public static final String SOURCE_OFFSET = "tenure.dlq.source-offset";

    /** On a replay marker (a record without value): the letter replayed, as {@code partition/offset}. */
    public static final String REPLAY_OF = "tenure.dlq.replay-of";
    /** On a replay marker: who replayed it (the operator's token subject), when, why, and where it went. */
    public static final String REPLAYED_BY = "tenure.dlq.replayed-by";
    public static final String REPLAYED_AT = "tenure.dlq.replayed-at";
    public static final String REPLAY_REASON = "tenure.dlq.replay-reason";
    public static final String REPLAYED_TO = "tenure.dlq.replayed-to";

    /** On the republished command: the letter it came from, as {@code partition/offset}. */
    public static final String REPLAYED_FROM = "tenure.replayed-from-dlq";

    private DeadLetterHeaders() {
    }
}
