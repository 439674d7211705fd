package dev.tenure.audit.sle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of work a case waits for: an access change (by its actionId) or an item of equipment (by its itemId).
 * {@code doneAt} is when it was first done (null while open): a repeated or later success never moves it.
 *
 * @param accessAction the access change's action; null for equipment
 * @param system       the target system of an access change; the type of an item
 * @param detail       the entitlement of an access change (null for the account); the item's id
 */
public record CaseTask(String taskId, Kind kind, AccessAction accessAction, String system, String detail,
                       Instant doneAt) {

    /** Where the work is done. */
    public enum Kind {
        ACCESS,
        EQUIPMENT
    }

    public CaseTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(kind, "kind");
    }

    static String accessId(String actionId) {
        return "access:" + actionId;
    }

    static String equipmentId(String itemId) {
        return "equipment:" + itemId;
    }

    /** Done at {@code at}, unless it was done earlier already. */
    CaseTask doneBy(Instant at) {
        return doneAt != null && !at.isBefore(doneAt) ? this : new CaseTask(taskId, kind, accessAction, system, detail, at);
    }

    CaseTask withAction(AccessAction action) {
        return new CaseTask(taskId, kind, action, system, detail, doneAt);
    }
}
