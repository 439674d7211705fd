package dev.tenure.tools.feed;

/** Why a joiner will not start after all. */
public enum JoinerCancelReason {
    NO_SHOW, OFFER_RESCINDED, OFFER_DECLINED, OTHER
}
