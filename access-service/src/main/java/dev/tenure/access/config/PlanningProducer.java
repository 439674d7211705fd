package dev.tenure.access.config;

import dev.tenure.access.planning.AccessPlanner;
import dev.tenure.access.planning.PlanningSettings;
import dev.tenure.access.policy.AccessPolicy;
import dev.tenure.access.policy.PolicyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/** The policy (loaded and validated once, at start-up: a bad policy stops the service with every problem) and the planner. */
@ApplicationScoped
public class PlanningProducer {

    private static final Logger LOG = Logger.getLogger(PlanningProducer.class);

    // @Singleton, not a proxied scope: created when the topology is built at start-up, so a bad policy stops the
    // service there with every problem listed, instead of failing the first stream thread that touches it.
    @Produces
    @Singleton
    AccessPolicy policy(AccessConfig config) {
        AccessPolicy policy = config.policyFile()
                .map(file -> PolicyLoader.load(Path.of(file)))
                .orElseGet(() -> PolicyLoader.loadResource(PolicyLoader.EXAMPLE_RESOURCE));
        LOG.infof("access policy %s loaded from %s: %d entitlements, %d rules", policy.version(),
                config.policyFile().orElse("the example in the jar (set TENURE_ACCESS_POLICY_FILE)"),
                policy.entitlements().size(), policy.rules().size());
        return policy;
    }

    @Produces
    @Singleton
    AccessPlanner planner(AccessPolicy policy, AccessConfig config, ManualTaskConfig manual) {
        return new AccessPlanner(policy, settings(config, manual.enabled()));
    }

    /** With {@code manualTasks}, every {@code manual:<app>} target is served too (not listed in managed-targets). */
    static PlanningSettings settings(AccessConfig config, boolean manualTasks) {
        Set<String> managed = new HashSet<>(config.managedTargets());
        if (manualTasks) {
            managed.add(PlanningSettings.MANUAL_TARGETS);
        }
        return new PlanningSettings(config.prepareLead(), time("tenure.access.enable-at", config.enableAt()),
                time("tenure.access.cut-off-at", config.cutOffAt()), config.retention(), config.directoryTarget(),
                managed, config.vpnEntitlement());
    }

    private static LocalTime time(String key, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a local time like 17:00, was '" + value + "'", e);
        }
    }
}
