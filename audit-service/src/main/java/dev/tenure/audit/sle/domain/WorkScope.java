package dev.tenure.audit.sle.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which work of a lifecycle event each SLE waits for.
 * <ul>
 *   <li>{@code PROVISIONED_BEFORE_START}: the account created, every entitlement granted, every manual provisioning
 *       task, and every item of equipment requested for the joiner delivered (a cancelled item is no longer
 *       waited for). The account's enabling on the start date itself is not part of it.</li>
 *   <li>{@code ACCESS_CUT_ON_END_DATE}: the account disabled (in an account system: the directory, the identity
 *       provider), the cut-off entitlements (the VPN) revoked, MFA revoked and sessions ended.</li>
 *   <li>{@code DEPROVISIONED_WITHIN_14_DAYS}: all of that, plus every other entitlement (groups, lists, applications,
 *       application accounts disabled), every manual task, and every item of equipment asked back collected (or
 *       written off as lost or stolen). Deleting the account after the retention window is not part of it.</li>
 *   <li>{@code MOVER_PRIOR_ACCESS_REMOVED}: every entitlement the move revokes (a manual revocation is done when
 *       its task is completed: the outcome of a change a case already tracks counts whatever its action).</li>
 * </ul>
 * The provisioning, cut-off and deprovisioning cases are complete only once their account step is done: a leaver
 * whose account was never disabled is not complete, however little else there was.
 */
final class WorkScope {

    private static final Set<AccessAction> PROVISIONING = EnumSet.of(AccessAction.ACCOUNT_CREATED,
            AccessAction.ENTITLEMENT_GRANTED, AccessAction.MANUAL_TASK_OPENED, AccessAction.MANUAL_TASK_COMPLETED);
    private static final Set<AccessAction> SIGN_IN = EnumSet.of(AccessAction.MFA_REVOKED,
            AccessAction.SESSIONS_REVOKED);
    private static final Set<AccessAction> DEPROVISIONING = EnumSet.of(AccessAction.ACCOUNT_DISABLED,
            AccessAction.MFA_REVOKED, AccessAction.SESSIONS_REVOKED, AccessAction.ENTITLEMENT_REVOKED,
            AccessAction.MANUAL_TASK_OPENED, AccessAction.MANUAL_TASK_COMPLETED);
    private static final Set<ItemState> RETURNED = EnumSet.of(ItemState.COLLECTED, ItemState.WIPED,
            ItemState.REDEPLOYED, ItemState.RETIRED, ItemState.LOST, ItemState.STOLEN);

    private final SleSettings settings;

    WorkScope(SleSettings settings) {
        this.settings = settings;
    }

    /** Whether a case of {@code sle} waits for this access change. */
    boolean wants(Sle sle, AccessEvidence e) {
        return switch (sle) {
            case PROVISIONED_BEFORE_START -> PROVISIONING.contains(e.action());
            case ACCESS_CUT_ON_END_DATE -> isAccountCut(e.action(), e.targetSystem()) || SIGN_IN.contains(e.action())
                    || e.action() == AccessAction.ENTITLEMENT_REVOKED && e.entitlement() != null
                    && settings.cutOffEntitlements().contains(e.entitlement());
            case DEPROVISIONED_WITHIN_14_DAYS -> DEPROVISIONING.contains(e.action());
            case MOVER_PRIOR_ACCESS_REMOVED -> e.action() == AccessAction.ENTITLEMENT_REVOKED;
        };
    }

    /** Whether this change of an item makes it work a case of {@code sle} waits for. */
    boolean opens(Sle sle, ItemChange change) {
        return switch (sle) {
            case PROVISIONED_BEFORE_START -> change == ItemChange.REQUESTED;
            case DEPROVISIONED_WITHIN_14_DAYS -> change == ItemChange.LOCKED
                    || change == ItemChange.COLLECTION_REQUESTED;
            case ACCESS_CUT_ON_END_DATE, MOVER_PRIOR_ACCESS_REMOVED -> false;
        };
    }

    /** Whether any SLE waits for items this change opens. */
    boolean opensAny(ItemChange change) {
        for (Sle sle : Sle.values()) {
            if (opens(sle, change)) {
                return true;
            }
        }
        return false;
    }

    /** What an item's change means for a case of {@code sle} tracking it. */
    ItemProgress progress(Sle sle, EquipmentEvidence e) {
        if (sle == Sle.PROVISIONED_BEFORE_START) {
            if (e.state() == ItemState.DELIVERED) {
                return ItemProgress.DONE;
            }
            return e.state() == ItemState.CANCELLED ? ItemProgress.NOT_NEEDED : ItemProgress.OPEN;
        }
        if (RETURNED.contains(e.state())) {
            return ItemProgress.DONE;
        }
        if (e.state() == ItemState.CANCELLED || e.state() == ItemState.DELIVERED
                || e.change() == ItemChange.UNLOCKED) {
            return ItemProgress.NOT_NEEDED; // never shipped, or the person keeps it (leaver withdrawn)
        }
        return ItemProgress.OPEN;
    }

    /** Whether the case's account step is done, where the SLE has one. */
    boolean accountStepDone(SleCase c) {
        return switch (c.sle()) {
            case PROVISIONED_BEFORE_START -> c.tasks().values().stream().anyMatch(t -> t.doneAt() != null
                    && t.accessAction() == AccessAction.ACCOUNT_CREATED);
            case ACCESS_CUT_ON_END_DATE, DEPROVISIONED_WITHIN_14_DAYS -> c.tasks().values().stream()
                    .anyMatch(t -> t.doneAt() != null && t.accessAction() == AccessAction.ACCOUNT_DISABLED
                            && isAccountSystem(t.system()));
            case MOVER_PRIOR_ACCESS_REMOVED -> true;
        };
    }

    private boolean isAccountCut(AccessAction action, String targetSystem) {
        return action == AccessAction.ACCOUNT_DISABLED && isAccountSystem(targetSystem);
    }

    private boolean isAccountSystem(String targetSystem) {
        return settings.cutOffAccountSystems().isEmpty() || settings.cutOffAccountSystems().contains(targetSystem);
    }

    /** What an item's change means for a case. */
    enum ItemProgress {
        OPEN,
        DONE,
        NOT_NEEDED
    }
}
