package dev.tenure.access.planning;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable timer of one person: what happens at {@code dueAt}, caused by which HR event. Milestones are coarse
 * (prepare, enable, move, cut off, delete, VPN); when one comes due the planner expands it into the connector
 * commands that make the person's access match the desired state at that moment — so a correction only has to
 * move or cancel a milestone, never rewrite commands. {@code position} is set for MOVE, {@code entitlementId} for
 * the VPN kinds.
 */
public record Milestone(String id, String causationId, Instant dueAt, MilestoneKind kind, PersonFacts position,
                        String entitlementId) {

    public Milestone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(kind, "kind");
    }

    Milestone at(Instant newDueAt) {
        return new Milestone(id, causationId, newDueAt, kind, position, entitlementId);
    }

    /** What a milestone does when it comes due. */
    public enum MilestoneKind {
        /** Create the account disabled and grant the birthright set: before the start date. */
        PREPARE,
        /** Enable the account: on the start date. */
        ENABLE,
        /** Apply a new position: grant what is new, revoke what only the prior role gave. */
        MOVE,
        /** Disable the account and remove VPN, groups and lists: the end-date cut-off, or at once. */
        CUT_OFF,
        /** Bring back a cut-off person's access (a cancelled leaver, a later end date, a rehire). */
        RESTORE,
        /** Delete the account: after the retention window, never under a legal hold. */
        DELETE,
        /** A DSO's VPN grant. */
        VPN_GRANT,
        /** A DSO's VPN revocation. */
        VPN_REVOKE
    }
}
