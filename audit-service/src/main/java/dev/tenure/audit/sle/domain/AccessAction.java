package dev.tenure.audit.sle.domain;

/** What an access change does, in the words of access-service's commands and outcome events. */
public enum AccessAction {
    /** An action this version does not know: it counts for no SLE. */
    UNKNOWN,
    ACCOUNT_CREATED,
    ACCOUNT_UPDATED,
    ACCOUNT_ENABLED,
    ACCOUNT_DISABLED,
    ACCOUNT_DELETED,
    ENTITLEMENT_GRANTED,
    ENTITLEMENT_REVOKED,
    MFA_REVOKED,
    SESSIONS_REVOKED,
    MANUAL_TASK_OPENED,
    MANUAL_TASK_COMPLETED,
    /** A manual task assigned or reassigned to a provisioner; it still waits for them (counts for no SLE itself). */
    MANUAL_TASK_ASSIGNED,
    /** A manual task's reminder; still waiting. */
    MANUAL_TASK_REMINDED,
    /** A manual task escalated; still waiting. */
    MANUAL_TASK_ESCALATED;

    /** The action of the same name, or UNKNOWN. */
    public static AccessAction named(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }
}
