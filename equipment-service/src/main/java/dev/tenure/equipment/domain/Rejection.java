package dev.tenure.equipment.domain;

/** Why a deskside step was not recorded; nothing was emitted. */
public record Rejection(Kind kind, String reason) {

    public enum Kind {
        /** No equipment is known for the person. */
        UNKNOWN_PERSON,
        /** The person has no such item. */
        UNKNOWN_ITEM,
        /** No item in use carries the asset tag. */
        UNKNOWN_ASSET,
        /** The item carries another asset tag or serial number than the step names. */
        ASSET_MISMATCH,
        /** The asset is already on another item that is still in use. */
        ASSET_IN_USE,
        /** The step needs something the request did not give (an asset tag and serial to assign). */
        MISSING_DETAIL,
        /** The step is not one deskside records (the service sets it). */
        NOT_A_DESKSIDE_STEP,
        /** The item's state does not allow the step. */
        INVALID_TRANSITION
    }
}
