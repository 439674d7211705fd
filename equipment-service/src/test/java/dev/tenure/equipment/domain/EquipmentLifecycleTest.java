package dev.tenure.equipment.domain;

import static dev.tenure.equipment.domain.Samples.event;
import static dev.tenure.equipment.domain.Samples.joiner;
import static dev.tenure.equipment.domain.Samples.newYork;
import static dev.tenure.equipment.domain.Samples.only;
import static dev.tenure.equipment.domain.Samples.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EquipmentLifecycleTest {

    private static final String PERSON = "p-100";
    private static final LocalDate START = LocalDate.parse("2027-03-15");
    private static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");

    private final EquipmentLifecycle rules = new EquipmentLifecycle(Samples.CATALOGUE);

    // ---------------------------------------------------------------- joiners and corrections

    @Test
    void shouldRequestEveryGrantedItemDueToShipBeforeTheStartDate() {
        // Given an accountant joining on 15 March in New York
        // When the joiner arrives
        Decision decision = rules.onLifecycleEvent(PersonEquipment.unknown(PERSON),
                joiner(PERSON, START, Samples.accountant()), NOW);

        // Then each granted item is requested, due to ship by the start date minus its lead time, at the cut-off time
        assertThat(decision.changes()).extracting(EquipmentChange::catalogueItem)
                .containsExactly("badge", "laptop-standard", "monitor", "dock", "headset");
        assertThat(decision.changes()).allSatisfy(change -> {
            assertThat(change.change()).isEqualTo(ChangeKind.REQUESTED);
            assertThat(change.state()).isEqualTo(ItemState.REQUESTED);
            assertThat(change.previousState()).isNull();
            assertThat(change.dueAt()).isBefore(newYork("2027-03-15T00:00"));
            assertThat(change.site()).isEqualTo(Samples.BOSTON);
            assertThat(change.actor()).isEqualTo(EquipmentLifecycle.SERVICE);
            assertThat(change.catalogueVersion()).isEqualTo(Samples.CATALOGUE.version());
        });
        assertThat(dueOf(decision, "laptop-standard")).isEqualTo(newYork("2027-03-10T17:00"));
        assertThat(dueOf(decision, "badge")).isEqualTo(newYork("2027-03-13T17:00"));
        assertThat(decision.person().items()).hasSize(5);
    }

    @Test
    void shouldCiteTheJoinerAsCauseAndCase() {
        LifecycleEvent joiner = joiner(PERSON, START, Samples.accountant());

        Decision decision = rules.onLifecycleEvent(PersonEquipment.unknown(PERSON), joiner, NOW);

        assertThat(decision.changes()).allSatisfy(change -> {
            assertThat(change.causationId()).isEqualTo(joiner.eventId());
            assertThat(change.correlationId()).isEqualTo(joiner.correlationId());
            assertThat(change.personId()).isEqualTo(PERSON);
        });
    }

    @Test
    void shouldGiveTheSameIdsWhenTheSameEventIsDecidedAgain() {
        LifecycleEvent joiner = joiner(PERSON, START, Samples.accountant());

        Decision first = rules.onLifecycleEvent(PersonEquipment.unknown(PERSON), joiner, NOW);
        Decision again = rules.onLifecycleEvent(PersonEquipment.unknown(PERSON), joiner, NOW);

        assertThat(again.changes()).isEqualTo(first.changes());
    }

    @Test
    void shouldChangeNothingWhenTheSameEventArrivesTwice() {
        LifecycleEvent joiner = joiner(PERSON, START, Samples.accountant());
        PersonEquipment after = rules.onLifecycleEvent(PersonEquipment.unknown(PERSON), joiner, NOW).person();

        Decision again = rules.onLifecycleEvent(after, joiner, NOW);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.changes()).isEmpty();
        assertThat(again.person()).isEqualTo(after);
    }

    @Test
    void shouldMoveTheDueDatesWhenTheStartDateChanges() {
        // Given a joiner's items, the laptop already shipped
        PersonEquipment person = joined(Samples.accountant());
        person = recordSteps(person, "laptop-standard", ItemState.PREPARED, ItemState.SHIPPED);

        // When the start date moves a week later
        Decision decision = rules.onLifecycleEvent(person,
                event(PERSON, new LifecycleEvent.StartDateChanged(LocalDate.parse("2027-03-22"))), NOW);

        // Then every open item's due date moves with it: ship-by for unshipped ones, deliver-by for the shipped one
        assertThat(decision.changes()).hasSize(5).allSatisfy(change -> {
            assertThat(change.change()).isEqualTo(ChangeKind.DUE_DATE_MOVED);
            assertThat(change.state()).isEqualTo(change.previousState());
            assertThat(change.reason()).contains("start date moved from 2027-03-15 to 2027-03-22");
        });
        assertThat(dueOf(decision, "badge")).isEqualTo(newYork("2027-03-20T17:00"));
        assertThat(dueOf(decision, "laptop-standard")).isEqualTo(newYork("2027-03-21T17:00"));
        assertThat(decision.person().startDate()).isEqualTo(LocalDate.parse("2027-03-22"));
    }

    @Test
    void shouldCancelOpenRequestsAndAskBackWhatWasSentWhenTheJoinerIsCancelled() {
        // Given a joiner whose laptop was already delivered
        PersonEquipment person = recordSteps(joined(Samples.accountant()), "laptop-standard", ItemState.PREPARED,
                ItemState.DELIVERED);

        // When the joiner is cancelled (no-show)
        Decision decision = rules.onLifecycleEvent(person,
                event(PERSON, new LifecycleEvent.JoinerCancelled("NO_SHOW")), NOW);

        // Then the unshipped items are cancelled, and the laptop is locked and asked back within the window
        assertThat(states(decision.person())).containsEntry("badge", ItemState.CANCELLED)
                .containsEntry("monitor", ItemState.CANCELLED)
                .containsEntry("laptop-standard", ItemState.COLLECTION_REQUESTED);
        assertThat(decision.changes()).filteredOn(c -> c.catalogueItem().equals("laptop-standard"))
                .extracting(EquipmentChange::change)
                .containsExactly(ChangeKind.LOCKED, ChangeKind.COLLECTION_REQUESTED);
        assertThat(only(decision.person(), "laptop-standard").dueAt())
                .isBetween(NOW, NOW.plus(Duration.ofDays(15)));
        assertThat(decision.changes()).allSatisfy(c -> assertThat(c.reason()).contains("joiner cancelled (NO_SHOW)"));
    }

    @Test
    void shouldGiveAVolunteerOnlyABadge() {
        Decision decision = rules.onLifecycleEvent(PersonEquipment.unknown(PERSON),
                joiner(PERSON, START, Samples.volunteer()), NOW);

        assertThat(decision.changes()).extracting(EquipmentChange::catalogueItem).containsExactly("badge");
    }

    // ---------------------------------------------------------------- leavers

    @Test
    void shouldScheduleTheLockForTheCutOffInThePersonsZone() {
        // Given a delivered laptop and badge, and a monitor, of a person in Los Angeles
        PersonEquipment person = delivered(Samples.accountant());

        // When their leaver arrives for 30 June
        Decision decision = rules.onLifecycleEvent(person, event(PERSON,
                new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false), Samples.LOS_ANGELES), NOW);

        // Then the lockable items get their lock scheduled at 17:00 Los Angeles time; the peripherals nothing yet
        Instant cutOff = LocalDate.parse("2027-06-30").atTime(17, 0).atZone(Samples.LOS_ANGELES).toInstant();
        assertThat(decision.changes()).extracting(EquipmentChange::catalogueItem)
                .containsExactlyInAnyOrder("badge", "laptop-standard");
        assertThat(decision.changes()).allSatisfy(change -> {
            assertThat(change.change()).isEqualTo(ChangeKind.LOCK_SCHEDULED);
            assertThat(change.state()).isEqualTo(ItemState.DELIVERED);
            assertThat(change.dueAt()).isEqualTo(cutOff);
        });
        assertThat(decision.person().nextWakeUp()).contains(cutOff);
    }

    @Test
    void shouldLockAndRequestCollectionWithinFourteenDaysAtTheCutOff() {
        // Given a leaver for 30 June whose items are with them, one still unshipped
        PersonEquipment person = delivered(Samples.accountant());
        LifecycleEvent leaver = event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false));
        person = rules.onLifecycleEvent(person, leaver, NOW).person();
        Instant cutOff = newYork("2027-06-30T17:00");

        // When the time passes: a minute before the cut-off, nothing; at the cut-off, everything
        assertThat(rules.onTime(person, cutOff.minusSeconds(60)).changes()).isEmpty();
        Decision decision = rules.onTime(person, cutOff);

        // Then lockable items are locked, everything with the person is asked back, due 14 days after the end date
        Instant collectionDue = newYork("2027-07-14T17:00");
        assertThat(decision.changes()).filteredOn(c -> c.catalogueItem().equals("laptop-standard"))
                .extracting(EquipmentChange::change, EquipmentChange::dueAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.LOCKED, collectionDue),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.COLLECTION_REQUESTED, collectionDue));
        assertThat(decision.changes()).filteredOn(c -> c.catalogueItem().equals("monitor"))
                .extracting(EquipmentChange::change).containsExactly(ChangeKind.COLLECTION_REQUESTED);
        assertThat(decision.changes()).filteredOn(c -> c.catalogueItem().equals("headset"))
                .extracting(EquipmentChange::change).containsExactly(ChangeKind.CANCELLED);
        assertThat(decision.changes()).allSatisfy(change -> {
            assertThat(change.causationId()).isEqualTo(leaver.eventId());
            assertThat(change.correlationId()).isEqualTo(leaver.correlationId());
        });
        assertThat(only(decision.person(), "laptop-standard").isLocked()).isTrue();
        assertThat(Duration.between(newYork("2027-06-30T17:00"), collectionDue)).isEqualTo(Duration.ofDays(14));

        // And it happens once
        assertThat(decision.person().nextWakeUp()).isEmpty();
        assertThat(rules.onTime(decision.person(), cutOff.plusSeconds(3600)).changes()).isEmpty();
    }

    @Test
    void shouldLockAtOnceOnAnImmediateTermination() {
        PersonEquipment person = delivered(Samples.accountant());

        Decision decision = rules.onLifecycleEvent(person,
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-02-01"), true)), NOW);

        assertThat(decision.changes()).filteredOn(c -> c.change() == ChangeKind.LOCKED)
                .extracting(EquipmentChange::catalogueItem).containsExactlyInAnyOrder("laptop-standard", "badge");
        assertThat(decision.changes()).filteredOn(c -> c.change() == ChangeKind.LOCKED)
                .allSatisfy(c -> assertThat(c.occurredAt()).isEqualTo(NOW));
        assertThat(decision.person().leave().cutOffDone()).isTrue();
        assertThat(only(decision.person(), "laptop-standard").dueAt()).isEqualTo(newYork("2027-02-15T17:00"));
    }

    @Test
    void shouldMoveTheCutOffWhenTheEndDateChanges() {
        PersonEquipment person = rules.onLifecycleEvent(delivered(Samples.accountant()),
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false)), NOW).person();

        Decision decision = rules.onLifecycleEvent(person,
                event(PERSON, new LifecycleEvent.EndDateChanged(LocalDate.parse("2027-07-09"))), NOW);

        assertThat(decision.changes()).isNotEmpty().allSatisfy(change -> {
            assertThat(change.change()).isEqualTo(ChangeKind.DUE_DATE_MOVED);
            assertThat(change.dueAt()).isEqualTo(newYork("2027-07-09T17:00"));
        });
        assertThat(decision.person().nextWakeUp()).contains(newYork("2027-07-09T17:00"));
        assertThat(rules.onTime(decision.person(), newYork("2027-06-30T17:00")).changes()).isEmpty();
    }

    @Test
    void shouldMoveTheCollectionDueDateWhenTheEndDateChangesAfterTheCutOff() {
        PersonEquipment person = rules.onLifecycleEvent(delivered(Samples.accountant()),
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false)), NOW).person();
        person = rules.onTime(person, newYork("2027-06-30T17:00")).person();

        Decision decision = rules.onLifecycleEvent(person,
                event(PERSON, new LifecycleEvent.EndDateChanged(LocalDate.parse("2027-06-25"))), NOW);

        assertThat(decision.changes()).isNotEmpty().allSatisfy(change -> {
            assertThat(change.change()).isEqualTo(ChangeKind.DUE_DATE_MOVED);
            assertThat(change.dueAt()).isEqualTo(newYork("2027-07-09T17:00"));
        });
    }

    @Test
    void shouldCancelTheScheduledLockWhenTheLeaverIsWithdrawn() {
        PersonEquipment person = rules.onLifecycleEvent(delivered(Samples.accountant()),
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false)), NOW).person();

        Decision decision = rules.onLifecycleEvent(person,
                event(PERSON, new LifecycleEvent.LeaverCancelled("resignation withdrawn")), NOW);

        assertThat(decision.changes()).isNotEmpty()
                .allSatisfy(change -> assertThat(change.change()).isEqualTo(ChangeKind.LOCK_CANCELLED));
        assertThat(decision.person().nextWakeUp()).isEmpty();
        assertThat(rules.onTime(decision.person(), newYork("2027-07-01T00:00")).changes()).isEmpty();
    }

    @Test
    void shouldGiveLockedItemsBackWhenTheLeaverIsWithdrawnAfterTheCutOff() {
        PersonEquipment person = rules.onLifecycleEvent(delivered(Samples.accountant()),
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false)), NOW).person();
        person = rules.onTime(person, newYork("2027-06-30T17:00")).person();

        Decision decision = rules.onLifecycleEvent(person,
                event(PERSON, new LifecycleEvent.LeaverCancelled(null)), NOW);

        assertThat(decision.changes()).extracting(EquipmentChange::change).containsOnly(ChangeKind.UNLOCKED);
        assertThat(states(decision.person())).containsEntry("laptop-standard", ItemState.DELIVERED)
                .containsEntry("monitor", ItemState.DELIVERED);
        assertThat(only(decision.person(), "laptop-standard").isLocked()).isFalse();
    }

    // ---------------------------------------------------------------- movers and rehires

    @Test
    void shouldRequestWhatTheNewRoleNeedsAndAskBackWhatItNoLongerDoes() {
        // Given an accountant with their kit delivered
        PersonEquipment person = delivered(Samples.accountant());

        // When they move to a software engineer role on 1 May
        Decision decision = rules.onLifecycleEvent(person, event(PERSON, new LifecycleEvent.Moved(
                LocalDate.parse("2027-05-01"), Samples.engineer(), Samples.accountant())), NOW);

        // Then the engineering laptop is requested before the move, the standard laptop and headset asked back after
        assertThat(decision.changes()).extracting(EquipmentChange::catalogueItem, EquipmentChange::change)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("laptop-engineering", ChangeKind.REQUESTED),
                        org.assertj.core.groups.Tuple.tuple("laptop-standard", ChangeKind.COLLECTION_REQUESTED),
                        org.assertj.core.groups.Tuple.tuple("headset", ChangeKind.CANCELLED));
        assertThat(dueOf(decision, "laptop-engineering")).isEqualTo(newYork("2027-04-24T17:00"));
        assertThat(only(decision.person(), "laptop-standard").dueAt()).isEqualTo(newYork("2027-05-15T17:00"));
        // the badge, monitor and dock go on: nothing about them
        assertThat(decision.person().profile().jobCode()).isEqualTo("ITSE-3");
    }

    @Test
    void shouldRequestOnlyWhatANewRoleAddsForAPersonWhoseEquipmentIsUnknown() {
        Decision decision = rules.onLifecycleEvent(PersonEquipment.unknown(PERSON), event(PERSON,
                new LifecycleEvent.Moved(LocalDate.parse("2027-05-01"), Samples.engineer(), Samples.accountant())),
                NOW);

        assertThat(decision.changes()).extracting(EquipmentChange::catalogueItem).containsExactly("laptop-engineering");
    }

    @Test
    void shouldRequestEverythingAfreshOnARehire() {
        // Given a former employee whose laptop is still on its way back
        PersonEquipment person = rules.onLifecycleEvent(delivered(Samples.accountant()),
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-02-01"), true)), NOW).person();

        // When they are rehired
        Decision decision = rules.onLifecycleEvent(person, event(PERSON,
                new LifecycleEvent.Rehired(LocalDate.parse("2027-09-01"), Samples.accountant())), NOW);

        // Then every item is requested again as a new line; the old laptop's return goes on
        assertThat(decision.changes()).extracting(EquipmentChange::change).containsOnly(ChangeKind.REQUESTED);
        assertThat(decision.changes()).extracting(EquipmentChange::catalogueItem)
                .containsExactly("badge", "laptop-standard", "monitor", "dock", "headset");
        assertThat(decision.person().items()).hasSize(10);
        assertThat(decision.person().items()).filteredOn(i -> i.catalogueItem().equals("laptop-standard"))
                .extracting(Item::state)
                .containsExactlyInAnyOrder(ItemState.COLLECTION_REQUESTED, ItemState.REQUESTED);
    }

    @Test
    void shouldLeaveARehiresNewItemsAloneAtTheCutOffOfTheLeaveBefore() {
        // Given a leaver for 30 June, and (announced before that) a rehire from 1 September
        PersonEquipment person = rules.onLifecycleEvent(delivered(Samples.accountant()),
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false)), NOW).person();
        person = rules.onLifecycleEvent(person, event(PERSON,
                new LifecycleEvent.Rehired(LocalDate.parse("2027-09-01"), Samples.accountant())), NOW).person();

        // When the leave's cut-off comes
        Decision decision = rules.onTime(person, newYork("2027-06-30T17:00"));

        // Then only the old items are cancelled or asked back; the rehire's five requests stay open
        assertThat(decision.changes()).hasSizeGreaterThan(0)
                .allSatisfy(c -> assertThat(c.occurredAt()).isEqualTo(newYork("2027-06-30T17:00")));
        assertThat(decision.person().items().subList(5, 10)).extracting(Item::state).containsOnly(ItemState.REQUESTED);
        assertThat(decision.person().items().subList(0, 5)).extracting(Item::state)
                .doesNotContain(ItemState.REQUESTED, ItemState.DELIVERED);
    }

    // ---------------------------------------------------------------- deskside steps

    @Test
    void shouldFollowAnItemFromRequestToDeliveryWithItsAsset() {
        PersonEquipment person = joined(Samples.accountant());
        Item laptop = only(person, "laptop-standard");

        Decision assigned = rules.onStep(person, step(person, laptop.itemId(), ItemState.ASSIGNED, "MA-000123",
                "5CG1234XYZ", NOW), AssetLookup.NONE);
        Decision prepared = rules.onStep(assigned.person(), step(person, laptop.itemId(), ItemState.PREPARED, null, null,
                NOW), AssetLookup.NONE);
        Decision shipped = rules.onStep(prepared.person(), step(person, laptop.itemId(), ItemState.SHIPPED, "MA-000123",
                null, NOW), AssetLookup.NONE);
        Decision delivered = rules.onStep(shipped.person(), step(person, laptop.itemId(), ItemState.DELIVERED, null,
                null, NOW), AssetLookup.NONE);

        assertThat(List.of(assigned, prepared, shipped, delivered)).allSatisfy(d -> {
            assertThat(d.isRejected()).as(d.rejection().toString()).isFalse();
            assertThat(d.changes()).singleElement().satisfies(c -> {
                assertThat(c.assetTag()).isEqualTo("MA-000123");
                assertThat(c.serialNumber()).isEqualTo("5CG1234XYZ");
                assertThat(c.actor()).isEqualTo("deskside-ann");
            });
        });
        assertThat(shipped.changes().get(0).dueAt()).isEqualTo(newYork("2027-03-14T17:00"));
        assertThat(delivered.changes().get(0).previousState()).isEqualTo(ItemState.SHIPPED);
        assertThat(delivered.changes().get(0).dueAt()).isNull();
        assertThat(only(delivered.person(), "laptop-standard").history()).extracting(HistoryEntry::change)
                .containsExactly(ChangeKind.REQUESTED, ChangeKind.ASSIGNED, ChangeKind.PREPARED, ChangeKind.SHIPPED,
                        ChangeKind.DELIVERED);
    }

    @Test
    void shouldAssignAndPrepareInOneStepWhenTheAssetComesWithIt() {
        PersonEquipment person = joined(Samples.accountant());
        Item badge = only(person, "badge");

        Decision prepared = rules.onStep(person, step(person, badge.itemId(), ItemState.PREPARED, "B-77", "C-77", NOW),
                AssetLookup.NONE);

        assertThat(prepared.changes()).extracting(EquipmentChange::change)
                .containsExactly(ChangeKind.ASSIGNED, ChangeKind.PREPARED);
    }

    @Test
    void shouldTakeAnItemBackThroughCollectionWipeAndRetirement() {
        PersonEquipment person = rules.onTime(rules.onLifecycleEvent(delivered(Samples.accountant()),
                event(PERSON, new LifecycleEvent.Left(LocalDate.parse("2027-06-30"), false)), NOW).person(),
                newYork("2027-06-30T17:00")).person();
        String laptop = only(person, "laptop-standard").itemId();

        Decision collected = rules.onStep(person, step(person, laptop, ItemState.COLLECTED, "MA-laptop-standard", null,
                NOW), AssetLookup.NONE);
        Decision wiped = rules.onStep(collected.person(), step(person, laptop, ItemState.WIPED, null, null, NOW),
                AssetLookup.NONE);
        Decision retired = rules.onStep(wiped.person(), step(person, laptop, ItemState.RETIRED, null, null, NOW),
                AssetLookup.NONE);

        assertThat(List.of(collected, wiped, retired)).noneMatch(Decision::isRejected);
        assertThat(only(retired.person(), "laptop-standard").state()).isEqualTo(ItemState.RETIRED);
    }

    @Test
    void shouldRefuseToWipeBeforeCollection() {
        PersonEquipment person = delivered(Samples.accountant());
        String laptop = only(person, "laptop-standard").itemId();

        Decision decision = rules.onStep(person, step(person, laptop, ItemState.WIPED, null, null, NOW),
                AssetLookup.NONE);

        assertThat(decision.rejection()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID_TRANSITION);
            assertThat(r.reason()).contains("cannot record WIPED for item laptop-standard")
                    .contains("it is DELIVERED; an item is wiped after it is collected");
        });
        assertThat(decision.changes()).isEmpty();
        assertThat(decision.person()).isEqualTo(person);
    }

    @Test
    void shouldRefuseToCollectAnItemNeverAssigned() {
        PersonEquipment person = joined(Samples.accountant());
        String laptop = only(person, "laptop-standard").itemId();

        Decision decision = rules.onStep(person, step(person, laptop, ItemState.COLLECTED, null, null, NOW),
                AssetLookup.NONE);

        assertThat(decision.rejection()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID_TRANSITION);
            assertThat(r.reason()).contains("it is REQUESTED; only an item that was shipped or delivered to the person "
                    + "can be collected");
        });
    }

    @Test
    void shouldRefuseToRedeployALaptopThatWasNotWiped() {
        PersonEquipment person = recordSteps(delivered(Samples.accountant()), "laptop-standard", ItemState.COLLECTED);
        String laptop = only(person, "laptop-standard").itemId();
        String monitor = only(recordSteps(person, "monitor", ItemState.COLLECTED), "monitor").itemId();

        Decision laptopRedeployed = rules.onStep(person, step(person, laptop, ItemState.REDEPLOYED, null, null, NOW),
                AssetLookup.NONE);
        PersonEquipment withMonitorBack = recordSteps(person, "monitor", ItemState.COLLECTED);
        Decision monitorRedeployed = rules.onStep(withMonitorBack, step(person, monitor, ItemState.REDEPLOYED, null,
                null, NOW), AssetLookup.NONE);

        assertThat(laptopRedeployed.rejection()).hasValueSatisfying(r -> assertThat(r.reason())
                .contains("a laptop holds data: it is wiped after collection, before it is redeployed or retired"));
        assertThat(monitorRedeployed.isRejected()).isFalse();
    }

    @Test
    void shouldRefuseAStepForAnUnknownItemOrPerson() {
        PersonEquipment person = joined(Samples.accountant());

        Decision unknownItem = rules.onStep(person, step(person, "no-such-item", ItemState.SHIPPED, null, null, NOW),
                AssetLookup.NONE);
        Decision unknownPerson = rules.onStep(PersonEquipment.unknown("p-x"),
                step(PersonEquipment.unknown("p-x"), "i", ItemState.SHIPPED, null, null, NOW), AssetLookup.NONE);

        assertThat(unknownItem.rejection()).map(Rejection::kind).contains(Rejection.Kind.UNKNOWN_ITEM);
        assertThat(unknownPerson.rejection()).map(Rejection::kind).contains(Rejection.Kind.UNKNOWN_PERSON);
    }

    @Test
    void shouldRefuseAStepNamingAnotherAsset() {
        PersonEquipment person = delivered(Samples.accountant());
        String laptop = only(person, "laptop-standard").itemId();

        Decision decision = rules.onStep(person, step(person, laptop, ItemState.COLLECTED, "MA-999999", null, NOW),
                AssetLookup.NONE);

        assertThat(decision.rejection()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.ASSET_MISMATCH);
            assertThat(r.reason()).contains("is asset MA-laptop-standard, not MA-999999");
        });
    }

    @Test
    void shouldRefuseToAssignAnAssetInUseElsewhereOrWithoutItsDetails() {
        PersonEquipment person = joined(Samples.accountant());
        String laptop = only(person, "laptop-standard").itemId();
        AssetLookup inUse = tag -> Optional.of(new AssetLookup.AssetHolder("p-other", "i-other", ItemState.DELIVERED));

        Decision taken = rules.onStep(person, step(person, laptop, ItemState.ASSIGNED, "MA-1", "S-1", NOW), inUse);
        Decision noSerial = rules.onStep(person, step(person, laptop, ItemState.ASSIGNED, "MA-1", null, NOW),
                AssetLookup.NONE);

        assertThat(taken.rejection()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.ASSET_IN_USE);
            assertThat(r.reason()).contains("asset MA-1 is on item i-other of person p-other, which is DELIVERED");
        });
        assertThat(noSerial.rejection()).map(Rejection::kind).contains(Rejection.Kind.MISSING_DETAIL);
    }

    @Test
    void shouldRefuseStepsTheServiceSetsItself() {
        PersonEquipment person = delivered(Samples.accountant());
        String laptop = only(person, "laptop-standard").itemId();

        Decision decision = rules.onStep(person, step(person, laptop, ItemState.LOCKED, null, null, NOW),
                AssetLookup.NONE);

        assertThat(decision.rejection()).map(Rejection::kind).contains(Rejection.Kind.NOT_A_DESKSIDE_STEP);
    }

    @Test
    void shouldEndALostItemAndRaiseAnAlert() {
        PersonEquipment person = delivered(Samples.accountant());
        String laptop = only(person, "laptop-standard").itemId();

        Decision lost = rules.onStep(person, step(person, laptop, ItemState.LOST, null, null, NOW), AssetLookup.NONE);
        Decision afterwards = rules.onStep(lost.person(), step(person, laptop, ItemState.COLLECTED, null, null, NOW),
                AssetLookup.NONE);

        assertThat(lost.changes()).extracting(EquipmentChange::change)
                .containsExactly(ChangeKind.LOST, ChangeKind.ALERT_RAISED);
        assertThat(lost.changes().get(1).reason()).contains("asset MA-laptop-standard").contains("reported lost");
        assertThat(afterwards.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).contains("LOST is final"));
    }

    @Test
    void shouldApplyTheSameStepOnlyOnce() {
        PersonEquipment person = joined(Samples.accountant());
        DesksideStep assign = step(person, only(person, "badge").itemId(), ItemState.ASSIGNED, "B-1", "S-1", NOW);

        PersonEquipment after = rules.onStep(person, assign, AssetLookup.NONE).person();
        Decision again = rules.onStep(after, assign, AssetLookup.NONE);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.isRejected()).isFalse();
        assertThat(again.changes()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private PersonEquipment joined(dev.tenure.equipment.domain.catalogue.PersonProfile profile) {
        return rules.onLifecycleEvent(PersonEquipment.unknown(PERSON), joiner(PERSON, START, profile), NOW).person();
    }

    /** Joined, with the badge and laptop delivered and the monitor shipped (asset tags MA-&lt;catalogue item&gt;). */
    private PersonEquipment delivered(dev.tenure.equipment.domain.catalogue.PersonProfile profile) {
        PersonEquipment person = joined(profile);
        person = recordSteps(person, "badge", ItemState.PREPARED, ItemState.DELIVERED);
        person = recordSteps(person, "laptop-standard", ItemState.PREPARED, ItemState.SHIPPED, ItemState.DELIVERED);
        return recordSteps(person, "monitor", ItemState.PREPARED, ItemState.SHIPPED);
    }

    private PersonEquipment recordSteps(PersonEquipment person, String catalogueItem, ItemState... targets) {
        for (ItemState target : targets) {
            Item item = only(person, catalogueItem);
            Decision decision = rules.onStep(person, step(person, item.itemId(), target, "MA-" + catalogueItem,
                    "SN-" + catalogueItem, NOW), AssetLookup.NONE);
            assertThat(decision.rejection()).as(catalogueItem + " → " + target).isEmpty();
            person = decision.person();
        }
        return person;
    }

    private static Instant dueOf(Decision decision, String catalogueItem) {
        return decision.changes().stream().filter(c -> c.catalogueItem().equals(catalogueItem))
                .reduce((first, second) -> second).orElseThrow().dueAt();
    }

    private static java.util.Map<String, ItemState> states(PersonEquipment person) {
        java.util.Map<String, ItemState> states = new java.util.HashMap<>();
        person.items().forEach(item -> states.put(item.catalogueItem(), item.state()));
        return states;
    }
}
