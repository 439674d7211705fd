package dev.tenure.equipment.domain;

import dev.tenure.equipment.catalogue.CatalogueFile;
import dev.tenure.equipment.domain.catalogue.Catalogue;
import dev.tenure.equipment.domain.catalogue.PersonProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** People, positions and lifecycle events for the rules' tests, on the catalogue the service ships with. */
public final class Samples {

    public static final Catalogue CATALOGUE = CatalogueFile.load("classpath:catalogue/equipment-catalogue.yaml");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    public static final String BOSTON = "100 Cambridge Street, Boston";

    private Samples() {
    }

    public static PersonProfile accountant() {
        return new PersonProfile("DOR", "Audit Division", "ACCT-2", "Accountant II", BOSTON, "EMPLOYEE",
                NEW_YORK.getId());
    }

    public static PersonProfile engineer() {
        return new PersonProfile("EOTSS", "Digital Services", "ITSE-3", "Software Engineer III",
                "1 Ashburton Place, Boston", "EMPLOYEE", NEW_YORK.getId());
    }

    public static PersonProfile ranger() {
        return new PersonProfile("DCR", "Parks Operations", "PRNG-1", "Park Ranger I",
                "Walden Pond State Reservation, Concord", "EMPLOYEE", NEW_YORK.getId());
    }

    public static PersonProfile volunteer() {
        return new PersonProfile("DCR", "Parks Operations", "VOL-1", "Volunteer",
                "Walden Pond State Reservation, Concord", "VOLUNTEER", NEW_YORK.getId());
    }

    public static LifecycleEvent event(String personId, LifecycleEvent.Change change) {
        return event(personId, change, NEW_YORK);
    }

    public static LifecycleEvent event(String personId, LifecycleEvent.Change change, ZoneId zone) {
        String eventId = UUID.randomUUID().toString();
        return new LifecycleEvent(eventId, personId, "DOR", eventId, zone, change);
    }

    public static LifecycleEvent joiner(String personId, LocalDate startDate, PersonProfile profile) {
        return event(personId, new LifecycleEvent.Joined(startDate, profile), ZoneId.of(profile.timeZone()));
    }

    public static DesksideStep step(PersonEquipment person, String itemId, ItemState target, String assetTag,
                                    String serial, Instant at) {
        String stepId = UUID.randomUUID().toString();
        return new DesksideStep(stepId, person.personId(), itemId, target, assetTag, serial, null, "deskside-ann",
                stepId, at);
    }

    public static Item only(PersonEquipment person, String catalogueItem) {
        List<Item> found = person.items().stream().filter(i -> i.catalogueItem().equals(catalogueItem)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + catalogueItem + ", found " + found);
        }
        return found.get(0);
    }

    /** The local instant {@code dateTime} (e.g. 2027-03-01T17:00) in New York. */
    public static Instant newYork(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
    }
}
