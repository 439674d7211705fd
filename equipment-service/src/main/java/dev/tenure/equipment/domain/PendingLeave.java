package dev.tenure.equipment.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A leaver known to the service: when the person's devices are locked and when their equipment is due back.
 *
 * @param recordedAt      when the service learnt of it
 * @param itemsAtNotice   how many item lines the person had then: start items requested after it (a rehire's)
 *                        are not part of this leave
 * @param causationId     the leaver event, or the last end-date correction
 * @param cutOffDone      whether the cut-off has been carried out
 */
public record PendingLeave(LocalDate endDate, Instant cutOffAt, Instant collectionDueAt, Instant recordedAt,
                           int itemsAtNotice, String causationId, String correlationId, boolean cutOffDone) {

    PendingLeave withCutOffDone() {
        return new PendingLeave(endDate, cutOffAt, collectionDueAt, recordedAt, itemsAtNotice, causationId,
                correlationId, true);
    }

    PendingLeave movedTo(LocalDate newEndDate, Instant newCutOffAt, Instant newCollectionDueAt) {
        return new PendingLeave(newEndDate, newCutOffAt, newCollectionDueAt, recordedAt, itemsAtNotice, causationId,
                correlationId, cutOffDone);
    }
}
