package dev.tenure.hr.domain;

/** Why a person leaves. */
public enum LeaveReason {
    RESIGNATION,
    RETIREMENT,
    END_OF_CONTRACT,
    DISMISSAL,
    TERMINATION_FOR_CAUSE,
    DECEASED,
    OTHER
}
