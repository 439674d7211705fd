package dev.tenure.access.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code tenure.access.executor.*}: how commands are carried out, retried and reported. */
@ConfigMapping(prefix = "tenure.access.executor")
public interface ExecutorConfig {

    /** Whether this instance runs the executor (and the dead-letter list it feeds). */
    @WithDefault("true")
    boolean enabled();

    /** The consumer group over access-commands. */
    @WithDefault("access-service-executor")
    String groupId();

    Retry retry();

    /** How long the broker may take to acknowledge an outcome or dead letter before it is sent again. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** Records fetched per poll (and, at most, held in memory per partition). */
    @WithDefault("100")
    int maxPollRecords();

    /** The longest the loop waits in one poll when there is nothing to do. */
    @WithDefault("500ms")
    Duration idlePoll();

    /** How long one turn may carry out records before it polls again. */
    @WithDefault("1s")
    Duration processingBudget();

    /** How long shutting down waits for the command in hand to finish. */
    @WithDefault("30s")
    Duration shutdownTimeout();

    /** Create the dead-letter topic at start-up when it is missing (off where topics are provisioned, e.g. Strimzi). */
    @WithDefault("true")
    boolean createDeadLetterTopic();

    /** Backoff of changes that failed in a way worth retrying. */
    interface Retry {

        /** The first retry's delay (before jitter). */
        @WithDefault("200ms")
        Duration initialDelay();

        /** The delay doubles up to this. */
        @WithDefault("30s")
        Duration maxDelay();

        /** After this long failing, the change fails for good: FAILED outcome and dead letter. */
        @WithDefault("15m")
        Duration giveUpAfter();
    }
}
