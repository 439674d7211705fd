package dev.tenure.equipment.domain;

import dev.tenure.equipment.domain.catalogue.PersonProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the service knows about one person's equipment: their position, dates, a pending leaver, and every
 * item line they ever had (a rehire adds new lines; nothing is reused).
 *
 * @param profile        the current position (null until a joiner, mover or rehire is seen)
 * @param startDate      the current start date (null once cancelled or unknown)
 * @param recentEventIds the last lifecycle event and step ids applied, so a redelivered one changes nothing
 */
public record PersonEquipment(String personId, String agency, PersonProfile profile, LocalDate startDate,
                              PendingLeave leave, List<Item> items, List<String> recentEventIds) {

    static final int REMEMBERED_EVENT_IDS = 200;

    public PersonEquipment {
        items = List.copyOf(items);
        recentEventIds = List.copyOf(recentEventIds);
    }

    public static PersonEquipment unknown(String personId) {
        return new PersonEquipment(personId, null, null, null, null, List.of(), List.of());
    }

    public boolean isKnown() {
        return profile != null || !items.isEmpty();
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst();
    }

    public boolean hasApplied(String eventId) {
        return recentEventIds.contains(eventId);
    }

    /** When this person's next timer is due: the pending leaver's cut-off. */
    public Optional<Instant> nextWakeUp() {
        return leave != null && !leave.cutOffDone() ? Optional.of(leave.cutOffAt()) : Optional.empty();
    }

    PersonEquipment withItem(Item changed) {
        List<Item> updated = new ArrayList<>(items);
        boolean replaced = false;
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i).itemId().equals(changed.itemId())) {
                updated.set(i, changed);
                replaced = true;
            }
        }
        if (!replaced) {
            updated.add(changed);
        }
        return new PersonEquipment(personId, agency, profile, startDate, leave, updated, recentEventIds);
    }

    PersonEquipment withPosition(String newAgency, PersonProfile newProfile) {
        return new PersonEquipment(personId, newAgency, newProfile, startDate, leave, items, recentEventIds);
    }

    PersonEquipment withStartDate(LocalDate newStartDate) {
        return new PersonEquipment(personId, agency, profile, newStartDate, leave, items, recentEventIds);
    }

    PersonEquipment withLeave(PendingLeave newLeave) {
        return new PersonEquipment(personId, agency, profile, startDate, newLeave, items, recentEventIds);
    }

    PersonEquipment remembering(String eventId) {
        List<String> ids = new ArrayList<>(recentEventIds);
        ids.add(eventId);
        if (ids.size() > REMEMBERED_EVENT_IDS) {
            ids = ids.subList(ids.size() - REMEMBERED_EVENT_IDS, ids.size());
        }
        return new PersonEquipment(personId, agency, profile, startDate, leave, items, ids);
    }
}
