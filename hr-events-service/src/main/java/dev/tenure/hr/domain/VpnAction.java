package dev.tenure.hr.domain;

/** What a VPN request asks for the person's VPN access (the wire field {@code vpnAction}). */
public enum VpnAction {
    /** Give the person VPN access: once their account and email exist, while they are employed. */
    GRANT,
    /** Take it away: on a leave, a transfer, or whenever the agency's security officer decides. */
    REVOKE
}
