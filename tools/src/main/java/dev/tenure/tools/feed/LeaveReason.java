package dev.tenure.tools.feed;

/** Why a person leaves. */
public enum LeaveReason {
    RESIGNATION, RETIREMENT, END_OF_CONTRACT, DISMISSAL, TERMINATION_FOR_CAUSE, DECEASED, OTHER;

    /** Reasons after which the organisation would not hire the person again. */
    public boolean barsRehire() {
        return this == DISMISSAL || this == TERMINATION_FOR_CAUSE || this == DECEASED;
    }
}
