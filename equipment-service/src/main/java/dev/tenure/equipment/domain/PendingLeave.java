package dev.tenure.equipment.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A leaver known to the service: when the person's devices are locked and when their equipment is due back.
 *
 * @param recordedAt      when the service learnt of it (items requested later for a rehire are not part of it)
 * @param causationId     the leaver event, or the last end-date correction
 * @param cutOffDone      whether the cut-off has been carried out
 */
public record PendingLeave(LocalDate endDate, Instant cutOffAt, Instant collectionDueAt, Instant recordedAt,
                           String causationId, String correlationId, boolean cutOffDone) {
}
