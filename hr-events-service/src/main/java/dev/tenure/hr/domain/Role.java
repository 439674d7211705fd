package dev.tenure.hr.domain;

/** What a caller of the intake is. */
public enum Role {
    /** An HR information system: submits and reads for every agency. */
    HRIS,
    /** A Designated Provisioning Coordinator: submits and reads for their own agency. */
    DPC,
    /** A Designated Security Officer: reads their own agency; submits no lifecycle events. */
    DSO,
    /** An auditor: reads every agency; submits nothing. */
    AUDITOR
}
