package dev.tenure.access.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Manual tasks ({@code tenure.access.manual.*}; environment {@code TENURE_ACCESS_MANUAL_*}). */
@ConfigMapping(prefix = "tenure.access.manual")
public interface ManualTaskConfig {

    /**
     * Serve the policy's manual entitlements ({@code manual:<app>} targets): the planner commands them and each
     * command opens a task. Off: they are planned but not commanded (as targets without a connector).
     */
    @WithDefault("true")
    boolean enabled();

    /** An open task is reminded (once) this long after it was opened. */
    @WithDefault("P2D")
    Duration remindAfter();

    /** An open task is escalated (once) this long after it was opened. */
    @WithDefault("P5D")
    Duration escalateAfter();

    /** The queue an escalated task moves to. */
    @WithDefault("escalations")
    String escalationQueue();

    /** Whom an escalated task is assigned to; unset: it stays with its assignee (or unassigned) in the queue. */
    Optional<String> escalationAssignee();

    /** How often tasks are checked for reminders and escalations (on the service's clock's view of time). */
    @WithDefault("1m")
    Duration checkEvery();

    /** This instance's transactional id for task changes; default: from the instance id, or a random one. */
    Optional<String> transactionalId();
}
