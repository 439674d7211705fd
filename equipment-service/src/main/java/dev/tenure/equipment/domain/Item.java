package dev.tenure.equipment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One item line of a person: what the catalogue granted, where it is, which asset it became, what is due when, and
 * every step so far.
 *
 * @param itemId           stable id, the same on every event about it
 * @param catalogueItem    the catalogue entry it was requested as
 * @param catalogueVersion the catalogue version that granted it
 * @param leadTimeDays     the catalogue item's lead time when requested (for moving its due date later)
 * @param neededOn         the date the person needs it (start or move date)
 * @param site             the work location whose deskside team handles it
 * @param correlationId    the lifecycle case it belongs to now (the request, then the leaver or mover that returns it)
 * @param lockedAt         when it was locked at a cut-off (null when not locked, or unlocked again)
 */
public record Item(String itemId, String catalogueItem, String catalogueVersion, ItemType type, String model,
                   int leadTimeDays, Purpose purpose, LocalDate neededOn, String site, ItemState state, String assetTag,
                   String serialNumber, Instant dueAt, Instant requestedAt, Instant lockedAt, String correlationId,
                   List<HistoryEntry> history) {

    public Item {
        history = List.copyOf(history);
    }

    /** The item after {@code entry}: its state, asset and due date as the entry says. */
    Item with(HistoryEntry entry, Instant newLockedAt, String newCorrelationId) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return new Item(itemId, catalogueItem, catalogueVersion, type, model, leadTimeDays, purpose, neededOn, site,
                entry.state(), entry.assetTag(), entry.serialNumber(), entry.dueAt(), requestedAt, newLockedAt,
                newCorrelationId, longer);
    }

    Item neededOn(LocalDate date) {
        return new Item(itemId, catalogueItem, catalogueVersion, type, model, leadTimeDays, purpose, date, site, state,
                assetTag, serialNumber, dueAt, requestedAt, lockedAt, correlationId, history);
    }

    Item at(String newSite) {
        return new Item(itemId, catalogueItem, catalogueVersion, type, model, leadTimeDays, purpose, neededOn, newSite,
                state, assetTag, serialNumber, dueAt, requestedAt, lockedAt, correlationId, history);
    }

    /** Locked at a cut-off and not given back since. */
    public boolean isLocked() {
        return lockedAt != null;
    }

    public boolean hasAsset() {
        return assetTag != null;
    }
}
