package dev.tenure.access.policy;

/** What an entitlement is, whichever target system executes it. */
public enum EntitlementKind {
    /** The person's account in a directory; everything else in that directory hangs off it. */
    DIRECTORY_ACCOUNT,
    /** A mailbox / the mail attributes of the account. */
    MAILBOX,
    /** Membership of a group that grants permissions. */
    SECURITY_GROUP,
    /** Membership of a list that only receives mail. */
    DISTRIBUTION_LIST,
    /** Remote access (in a directory, membership of the group the VPN concentrator checks). */
    VPN,
    /** An account in an application: provisioned over SCIM 2.0, or by a person when {@code manual}. */
    SCIM_APP,
    /** Multi-factor authentication enrolled at the identity provider. */
    MFA
}
