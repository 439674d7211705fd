package dev.tenure.audit.sle.domain;

/**
 * The service-level expectations Tenure measures, from the agency's provisioning and de-provisioning service
 * descriptions. Each case is one lifecycle event of one person measured against one of them.
 */
public enum Sle {
    /** A joiner's (or rehire's) account, access and equipment are ready before the start date. Target 90%. */
    PROVISIONED_BEFORE_START,
    /** A leaver's account, VPN and MFA are disabled on the end date. Target 100%. */
    ACCESS_CUT_ON_END_DATE,
    /** Everything else of a leaver (groups, lists, applications, manual tasks, equipment) within 14 days. Target 99%. */
    DEPROVISIONED_WITHIN_14_DAYS,
    /** A mover's prior-role access is removed within the configured window. */
    MOVER_PRIOR_ACCESS_REMOVED;

    /** Cases of these SLEs are opened by a leaver and corrected or withdrawn together. */
    public boolean isLeaver() {
        return this == ACCESS_CUT_ON_END_DATE || this == DEPROVISIONED_WITHIN_14_DAYS;
    }
}
