package dev.tenure.equipment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesksideWorkTest {

    private static final Instant NOW = Instant.parse("2027-03-12T12:00:00Z");
    private final EquipmentLifecycle rules = new EquipmentLifecycle(Samples.CATALOGUE);

    @Test
    void shouldListTheDueWorkOfOneSiteSoonestFirstWithWhatToDo() {
        // Given an accountant in Boston and a ranger in Concord, both starting on 15 March
        PersonEquipment accountant = rules.onLifecycleEvent(PersonEquipment.unknown("p-1"),
                Samples.joiner("p-1", LocalDate.parse("2027-03-15"), Samples.accountant()), NOW).person();
        PersonEquipment ranger = rules.onLifecycleEvent(PersonEquipment.unknown("p-2"),
                Samples.joiner("p-2", LocalDate.parse("2027-03-15"), Samples.ranger()), NOW).person();

        // When Boston's queue is asked for
        List<DesksideWork.Task> boston = DesksideWork.queue(List.of(ranger, accountant), Samples.BOSTON, null, NOW);

        // Then it holds the accountant's five items, soonest due first, overdue ones marked
        assertThat(boston).hasSize(5).allSatisfy(task -> {
            assertThat(task.personId()).isEqualTo("p-1");
            assertThat(task.nextStep()).isEqualTo("assign an asset");
        });
        assertThat(boston).extracting(DesksideWork.Task::dueAt).isSorted();
        assertThat(boston.get(0).overdue()).isTrue(); // the laptop was due to ship on the 10th
        assertThat(boston.get(4).item().catalogueItem()).isEqualTo("badge");
        assertThat(boston.get(4).overdue()).isFalse();
    }

    @Test
    void shouldKeepOnlyWorkDueBeforeTheGivenTime() {
        PersonEquipment accountant = rules.onLifecycleEvent(PersonEquipment.unknown("p-1"),
                Samples.joiner("p-1", LocalDate.parse("2027-03-15"), Samples.accountant()), NOW).person();

        List<DesksideWork.Task> dueSoon = DesksideWork.queue(List.of(accountant), null,
                Samples.newYork("2027-03-11T00:00"), NOW);

        assertThat(dueSoon).extracting(task -> task.item().catalogueItem())
                .containsExactlyInAnyOrder("laptop-standard", "monitor", "dock", "headset");
    }

    @Test
    void shouldLeaveOutFinishedItems() {
        Item item = Samples.only(rules.onLifecycleEvent(PersonEquipment.unknown("p-1"),
                Samples.joiner("p-1", LocalDate.parse("2027-03-15"), Samples.volunteer()), NOW).person(), "badge");

        assertThat(DesksideWork.nextStep(item)).contains("assign an asset");
        for (ItemState finished : List.of(ItemState.DELIVERED, ItemState.RETIRED, ItemState.CANCELLED, ItemState.LOST)) {
            Item done = new Item(item.itemId(), item.catalogueItem(), item.catalogueVersion(), item.type(), item.model(),
                    item.leadTimeDays(), item.purpose(), item.neededOn(), item.site(), finished, "B-1", "S-1", null,
                    item.requestedAt(), null, item.correlationId(), item.history());
            assertThat(DesksideWork.nextStep(done)).as(finished.name()).isEmpty();
        }
    }
}
