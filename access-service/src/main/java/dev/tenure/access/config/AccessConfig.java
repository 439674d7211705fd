package dev.tenure.access.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** access-service's settings ({@code tenure.access.*}; environment {@code TENURE_ACCESS_*}). */
@ConfigMapping(prefix = "tenure.access")
public interface AccessConfig {

    /** The policy YAML file; without it, the example policy shipped in the jar (say so in the log). */
    Optional<String> policyFile();

    /** How long before the start date the account is prepared (created disabled, groups granted). */
    @WithDefault("P7D")
    Duration prepareLead();

    /** The local time on the start date at which the account is enabled (HH:mm, person's zone). */
    @WithDefault("00:00")
    String enableAt();

    /** The local time on the end date at which a leaver is cut off (HH:mm, person's zone). */
    @WithDefault("17:00")
    String cutOffAt();

    /** How long after the cut-off an account is deleted (never under a legal hold). */
    @WithDefault("P90D")
    Duration retention();

    /** How often the timers are checked: the most a milestone can fire late by. */
    @WithDefault("1s")
    Duration timerResolution();

    /** The policy entitlement a DSO's VPN request grants or revokes. */
    @WithDefault("vpn")
    String vpnEntitlement();

    /** The target system that owns accounts. */
    @WithDefault("directory")
    String directoryTarget();

    /** The targets with a connector: entitlements elsewhere are planned but not commanded. */
    @WithDefault("directory")
    Set<String> managedTargets();

    /**
     * This instance's stable name in its consumer groups (Kafka static membership): the planner's consumers get it as
     * {@code group.instance.id} (Kafka Streams adds the thread number), the executor's gets it + {@code -executor}.
     * A process restarted under the same id after a crash gets its partitions back at once instead of after the
     * session timeout. One id per instance; unset (the default) where instances have no stable name.
     */
    Optional<String> instanceId();
}
