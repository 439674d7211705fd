package dev.tenure.audit.sle.config;

import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.domain.SleSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SLE settings, under {@code tenure.audit.sle.*}; every key has the documents' default (see {@link SleSettings}).
 * Durations are ISO-8601 ({@code P30D}, {@code PT5S}).
 */
@ConfigMapping(prefix = "tenure.audit.sle")
public interface SleConfig {

    /** Days of notice a request needs to be counted against its SLE ({@code tenure.audit.sle.notice-days}). */
    @WithDefault("14")
    int noticeDays();

    /** Days after the end date the deprovisioning is due by the end of. */
    @WithDefault("14")
    int deprovisioningWindowDays();

    /** Days after the move date a mover's prior-role access is due removed by the end of. */
    @WithDefault("14")
    int moverWindowDays();

    /** The target systems whose account the end-date cut-off disables; {@code *} for every system's. */
    @WithDefault("directory,idp")
    Set<String> cutOffAccountSystems();

    /** The entitlements the end-date cut-off revokes besides the account and MFA. */
    @WithDefault("vpn")
    Set<String> cutOffEntitlements();

    /** How long after its due time a case still takes late evidence. */
    @WithDefault("P30D")
    Duration finalAfter();

    /** How long an outcome waits for the lifecycle event that caused it. */
    @WithDefault("P1D")
    Duration unmatchedRetention();

    /** Cases due before this instant (ISO-8601, e.g. 2026-01-01T00:00:00Z) are not measured; unset: all are. */
    Optional<Instant> measuredFrom();

    /** How often (wall-clock) the topology looks for cases come due. */
    @WithDefault("PT5S")
    Duration checkInterval();

    /** The target fraction of each SLE. */
    Targets targets();

    /** {@code tenure.audit.sle.targets.*}. */
    interface Targets {

        @WithDefault("0.90")
        double provisionedBeforeStart();

        @WithDefault("1.00")
        double accessCutOnEndDate();

        @WithName("deprovisioned-within-14-days")
        @WithDefault("0.99")
        double deprovisionedWithin14Days();

        @WithDefault("0.99")
        double moverPriorAccessRemoved();
    }

    /** The rules' settings; invalid values (a target above 1, a negative window) are refused with the reason. */
    default SleSettings settings() {
        Targets t = targets();
        Set<String> accountSystems = cutOffAccountSystems().contains("*") ? Set.of() : cutOffAccountSystems();
        return new SleSettings(Map.of(
                Sle.PROVISIONED_BEFORE_START, t.provisionedBeforeStart(),
                Sle.ACCESS_CUT_ON_END_DATE, t.accessCutOnEndDate(),
                Sle.DEPROVISIONED_WITHIN_14_DAYS, t.deprovisionedWithin14Days(),
                Sle.MOVER_PRIOR_ACCESS_REMOVED, t.moverPriorAccessRemoved()),
                noticeDays(), deprovisioningWindowDays(), moverWindowDays(), accountSystems, cutOffEntitlements(),
                finalAfter(), unmatchedRetention(), measuredFrom().orElse(null));
    }
}
