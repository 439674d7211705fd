package dev.tenure.audit.sle.domain;

import java.time.Instant;

/**
 * Evidence that arrived before the lifecycle event that caused it (inputs on different topics are not ordered with
 * each other): kept until that event opens its case, or for {@link SleSettings#unmatchedRetention()}. One of
 * {@code access} and {@code equipment} is set.
 */
public record Unmatched(Instant receivedAt, AccessEvidence access, EquipmentEvidence equipment) {

    String causationId() {
        return access != null ? access.causationId() : equipment.causationId();
    }
}
