package dev.tenure.equipment.rest;

import dev.tenure.equipment.desk.RecordedStep;
import dev.tenure.equipment.domain.DesksideWork;
import dev.tenure.equipment.domain.EquipmentChange;
import dev.tenure.equipment.domain.HistoryEntry;
import dev.tenure.equipment.domain.Item;
import dev.tenure.equipment.domain.PendingLeave;
import dev.tenure.equipment.domain.PersonEquipment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API answers: plain records, built from the rules' state. */
public final class Views {

    private Views() {
    }

    /** A person's equipment: every item line they ever had, with its history. */
    public record PersonView(String personId, String agency, String jobCode, String jobTitle, String site,
                             String timeZone, LocalDate startDate, LeaverView leaver, List<ItemView> items) {

        static PersonView of(PersonEquipment person) {
            var profile = person.profile();
            return new PersonView(person.personId(), person.agency(), profile == null ? null : profile.jobCode(),
                    profile == null ? null : profile.jobTitle(), profile == null ? null : profile.location(),
                    profile == null ? null : profile.timeZone(), person.startDate(), LeaverView.of(person.leave()),
                    person.items().stream().map(ItemView::of).toList());
        }
    }

    /** A known leaver: when devices lock, when equipment is due back, and whether the cut-off has happened. */
    public record LeaverView(LocalDate endDate, Instant cutOffAt, Instant collectionDueAt, boolean cutOffDone) {

        static LeaverView of(PendingLeave leave) {
            return leave == null ? null
                    : new LeaverView(leave.endDate(), leave.cutOffAt(), leave.collectionDueAt(), leave.cutOffDone());
        }
    }

    public record ItemView(String itemId, String catalogueItem, String type, String model, String state,
                           String assetTag, String serialNumber, Instant dueAt, String nextStep, LocalDate neededOn,
                           String site, boolean locked, String purpose, String catalogueVersion, Instant requestedAt,
                           List<HistoryView> history) {

        static ItemView of(Item item) {
            return new ItemView(item.itemId(), item.catalogueItem(), item.type().name(), item.model(),
                    item.state().name(), item.assetTag(), item.serialNumber(), item.dueAt(),
                    DesksideWork.nextStep(item).orElse(null), item.neededOn(), item.site(),
                    item.isLocked() && !item.state().isTerminal(), item.purpose().name(), item.catalogueVersion(),
                    item.requestedAt(), item.history().stream().map(HistoryView::of).toList());
        }
    }

    /** One step of an item's life: who did what when, with which asset, why, caused by which event. */
    public record HistoryView(String change, String state, Instant at, String actor, String assetTag,
                              String serialNumber, Instant dueAt, String reason, String causationId) {

        static HistoryView of(HistoryEntry entry) {
            return new HistoryView(entry.change().name(), entry.state().name(), entry.at(), entry.actor(),
                    entry.assetTag(), entry.serialNumber(), entry.dueAt(), entry.reason(), entry.causationId());
        }
    }

    public record QueueView(String site, Instant dueBefore, Instant at, int size, List<TaskView> tasks) {
    }

    /** One piece of deskside work. */
    public record TaskView(String personId, String agency, String site, String itemId, String catalogueItem,
                           String type, String model, String state, String assetTag, String nextStep, Instant dueAt,
                           boolean overdue) {

        static TaskView of(DesksideWork.Task task) {
            Item item = task.item();
            return new TaskView(task.personId(), task.agency(), task.site(), item.itemId(), item.catalogueItem(),
                    item.type().name(), item.model(), item.state().name(), item.assetTag(), task.nextStep(),
                    task.dueAt(), task.overdue());
        }
    }

    public record SiteView(String site, int open, int overdue) {
    }

    /** An event published for a step. */
    public record EventView(String eventId, String change, String state, Instant dueAt) {

        static EventView of(EquipmentChange change) {
            return new EventView(change.eventId(), change.change().name(), change.state().name(), change.dueAt());
        }
    }

    /** A recorded step: the events it published and the item afterwards. */
    public record StepView(String stepId, String personId, String itemId, String step, String status, String reason,
                           List<EventView> events, ItemView item) {

        static StepView of(RecordedStep recorded) {
            var outcome = recorded.outcome();
            Item item = outcome.person().item(recorded.step().itemId()).orElse(null);
            return new StepView(recorded.step().stepId(), recorded.step().personId(), recorded.step().itemId(),
                    recorded.step().target().name(),
                    outcome.rejection().isPresent() ? "refused" : outcome.duplicate() ? "already-recorded" : "recorded",
                    outcome.rejection().map(r -> r.reason()).orElse(null),
                    outcome.changes().stream().map(EventView::of).toList(), item == null ? null : ItemView.of(item));
        }
    }

    public record BulkView(int recorded, int refused, List<StepView> steps) {
    }
}
