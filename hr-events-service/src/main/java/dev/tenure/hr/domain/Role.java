package dev.tenure.hr.domain;

/** What a caller of the intake is. */
public enum Role {
    /** An HR information system: submits and reads for every agency. */
    HRIS,
    /** A Designated Provisioning Coordinator: submits (no VPN requests) and reads for their own agency. */
    DPC,
    /** A Designated Security Officer: submits VPN requests and reads, for their own agency only. */
    DSO,
    /** An auditor: reads every agency; submits nothing. */
    AUDITOR
}
