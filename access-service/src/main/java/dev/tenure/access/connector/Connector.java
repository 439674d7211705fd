package dev.tenure.access.connector;

/**
 * A system where access lives (the directory, a SCIM application, the identity provider). Every operation is
 * "make it so": it compares what is with what should be and changes only the difference, so a retried or replayed
 * command never doubles an effect — the second time it answers {@link ChangeResult#alreadySo}.
 *
 * <p>Implementations throw {@link ConnectorException} with {@code transient = true} for failures worth retrying
 * (target unreachable, busy, timed out) and {@code false} for those that will fail again the same way (refused,
 * invalid, unknown group): the executor retries the first with backoff and dead-letters the second.
 */
public interface Connector {

    /** The {@code targetSystem} this connector serves, as the policy and the outcome events name it. */
    String targetSystem();

    /** Whether the target can be reached and the configured credentials work. */
    ConnectorHealth test();

    /** Makes the target match the command. */
    ChangeResult apply(AccessCommand command) throws ConnectorException;

    /**
     * Makes the target match the command, knowing which planned action it is (the executor calls this one). The
     * default ignores the context; a connector that records its own work per action (manual tasks) overrides it.
     */
    default ChangeResult apply(CommandContext context, AccessCommand command) throws ConnectorException {
        return apply(command);
    }
}
