package dev.tenure.audit.sle.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the SLEs expect, with the agency's numbers as defaults.
 *
 * @param targets                   the target fraction per SLE (0.9 = 90% of the counted cases met)
 * @param noticeDays                a request is on time when submitted at least this many calendar days (in the
 *                                  person's zone) before its effective date; otherwise it is a late submission
 * @param deprovisioningWindowDays  a leaver's deprovisioning is due by the end of the end date plus this many days
 * @param moverWindowDays           a mover's prior-role access is due removed by the end of the move date plus this
 *                                  many days
 * @param cutOffAccountSystems      the target systems whose account is "the account" the end-date cut-off disables
 *                                  (the directory, the identity provider); empty: every system's
 * @param cutOffEntitlements        the entitlement ids whose removal belongs to the end-date cut-off besides the
 *                                  account and MFA (the VPN)
 * @param finalAfter                how long after its due time a case still takes late evidence; then it is final
 *                                  and its details are dropped from the state
 * @param unmatchedRetention        how long an outcome whose lifecycle event has not been seen yet is kept for it
 * @param measuredFrom              cases due before this instant are not opened (null: every case): a first start
 *                                  reads years of lifecycle events whose outcomes are long gone from access-events, and
 *                                  would report them all missed
 */
public record SleSettings(Map<Sle, Double> targets, int noticeDays, int deprovisioningWindowDays, int moverWindowDays,
                          Set<String> cutOffAccountSystems, Set<String> cutOffEntitlements, Duration finalAfter,
                          Duration unmatchedRetention, Instant measuredFrom) {

    /**
     * The documents' expectations: provisioning 90% before the start date with two weeks' notice; account, VPN and MFA
     * disabled on the end date (100%); everything else within two weeks after it (99%). The documents set no mover
     * window; transfers between agencies go through the de-provisioning request, so its two weeks and 99% are used.
     */
    public static final SleSettings DEFAULTS = new SleSettings(Map.of(
            Sle.PROVISIONED_BEFORE_START, 0.90,
            Sle.ACCESS_CUT_ON_END_DATE, 1.00,
            Sle.DEPROVISIONED_WITHIN_14_DAYS, 0.99,
            Sle.MOVER_PRIOR_ACCESS_REMOVED, 0.99),
            14, 14, 14, Set.of("directory", "idp"), Set.of("vpn"), Duration.ofDays(30), Duration.ofDays(1), null);

    public SleSettings {
        Objects.requireNonNull(targets, "targets");
        EnumMap<Sle, Double> all = new EnumMap<>(Sle.class);
        for (Sle sle : Sle.values()) {
            Double target = targets.get(sle);
            if (target == null || target.isNaN() || target < 0 || target > 1) {
                throw new IllegalArgumentException("the target of " + sle + " must be a fraction from 0 to 1, not "
                        + target);
            }
            all.put(sle, target);
        }
        targets = Map.copyOf(all);
        if (noticeDays < 0 || deprovisioningWindowDays < 0 || moverWindowDays < 0) {
            throw new IllegalArgumentException("notice and windows must not be negative");
        }
        cutOffAccountSystems = Set.copyOf(Objects.requireNonNull(cutOffAccountSystems, "cutOffAccountSystems"));
        cutOffEntitlements = Set.copyOf(Objects.requireNonNull(cutOffEntitlements, "cutOffEntitlements"));
        Objects.requireNonNull(finalAfter, "finalAfter");
        Objects.requireNonNull(unmatchedRetention, "unmatchedRetention");
        if (finalAfter.isNegative() || unmatchedRetention.isNegative()) {
            throw new IllegalArgumentException("finalAfter and unmatchedRetention must not be negative");
        }
    }

    /** Whether a case due at {@code dueAt} is measured at all. */
    public boolean measures(Instant dueAt) {
        return measuredFrom == null || !dueAt.isBefore(measuredFrom);
    }

    public double target(Sle sle) {
        return targets.get(sle);
    }
}
