package dev.tenure.access.planning;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When things happen: accounts are prepared {@code prepareLead} before the start date and enabled at
 * {@code enableAt} on it; leavers are cut off at {@code cutOffAt} on their end date (both in the person's zone);
 * accounts are deleted {@code retention} after the cut-off. {@code directoryTarget} is the target system that owns
 * the account; only entitlements of {@code managedTargets} are commanded (the others have no connector yet).
 * {@code vpnEntitlement} is the policy's entitlement a DSO's VPN request grants or revokes. Manual entitlements (target
 * {@code manual:<app>}) are commanded when {@code managedTargets} holds {@link #MANUAL_TARGETS}: every one of them
 * is then a task for a person, whichever application it names.
 */
public record PlanningSettings(Duration prepareLead, LocalTime enableAt, LocalTime cutOffAt, Duration retention,
                               String directoryTarget, Set<String> managedTargets, String vpnEntitlement) {

    /** In {@code managedTargets}: every {@code manual:<app>} target is served (by the manual-task connector). */
    public static final String MANUAL_TARGETS = "manual:*";

    public static final PlanningSettings DEFAULTS = new PlanningSettings(Duration.ofDays(7), LocalTime.MIDNIGHT,
            LocalTime.of(17, 0), Duration.ofDays(90), "directory", Set.of("directory"), "vpn");

    public PlanningSettings {
        Objects.requireNonNull(prepareLead, "prepareLead");
        Objects.requireNonNull(enableAt, "enableAt");
        Objects.requireNonNull(cutOffAt, "cutOffAt");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(directoryTarget, "directoryTarget");
        Objects.requireNonNull(vpnEntitlement, "vpnEntitlement");
        managedTargets = Set.copyOf(managedTargets);
        if (prepareLead.isNegative() || retention.isNegative()) {
            throw new IllegalArgumentException("prepareLead and retention must not be negative");
        }
    }
}
