package dev.tenure.equipment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deskside queue: every item whose next step is deskside's, with what to do and by when, soonest due first.
 */
public final class DesksideWork {

    private DesksideWork() {
    }

    /** One piece of due work. */
    public record Task(String personId, String agency, String site, Item item, String nextStep, Instant dueAt,
                      boolean overdue) {
    }

    /** What deskside does next with an item in this state, or empty when nothing is theirs to do. */
    public static Optional<String> nextStep(Item item) {
        switch (item.state()) {
            case REQUESTED:
                return Optional.of("assign an asset");
            case ASSIGNED:
                return Optional.of("prepare (image and set up)");
            case PREPARED:
                return Optional.of("ship, or hand over at the desk");
            case SHIPPED:
                return Optional.of("confirm delivery");
            case LOCKED:
            case COLLECTION_REQUESTED:
                return Optional.of("collect");
            case COLLECTED:
                return Optional.of(item.type().holdsData() ? "wipe" : "redeploy or retire");
            case WIPED:
                return Optional.of("redeploy or retire");
            default:
                return Optional.empty();
        }
    }

    /**
     * @param site only this site's work; null for every site
     * @param dueBefore only work due before this instant (work without a due date is left out); null for all
     */
    public static List<Task> queue(Iterable<PersonEquipment> people, String site, Instant dueBefore, Instant now) {
        List<Task> tasks = new ArrayList<>();
        for (PersonEquipment person : people) {
            for (Item item : person.items()) {
                Optional<String> next = nextStep(item);
                if (next.isEmpty() || (site != null && !site.equals(item.site()))) {
                    continue;
                }
                if (dueBefore != null && (item.dueAt() == null || !item.dueAt().isBefore(dueBefore))) {
                    continue;
                }
                tasks.add(new Task(person.personId(), person.agency(), item.site(), item, next.get(), item.dueAt(),
                        item.dueAt() != null && item.dueAt().isBefore(now)));
            }
        }
        tasks.sort(Comparator.comparing(Task::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Task::personId).thenComparing(task -> task.item().itemId()));
        return tasks;
    }
}
