package dev.tenure.hr.domain;

/** Why a joiner will not start after all. */
public enum JoinerCancellationReason {
    NO_SHOW,
    OFFER_RESCINDED,
    OFFER_DECLINED,
    OTHER
}
