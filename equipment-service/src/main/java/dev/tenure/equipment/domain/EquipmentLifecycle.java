package dev.tenure.equipment.domain;

import dev.tenure.equipment.domain.catalogue.Catalogue;
import dev.tenure.equipment.domain.catalogue.Catalogue.Entitlement;
import dev.tenure.equipment.domain.catalogue.PersonProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The equipment rules: how lifecycle events, deskside steps and the passing of time change a person's items.
 * Pure: the same person, input and time always give the same decision (event and item ids included), so a
 * replayed input yields the same events.
 *
 * <ul>
 *   <li><b>Joiner</b>: every item the catalogue grants and the person does not hold yet is requested, due to ship
 *       by the start date minus the item's lead time.</li>
 *   <li><b>Rehire</b>: everything is requested afresh; nothing from before is reused.</li>
 *   <li><b>Mover</b>: what the new role grants and the person lacks is requested (due before the move date);
 *       what it no longer grants is cancelled if not shipped yet, or asked back (due after the move).</li>
 *   <li><b>Leaver</b>: lockable devices with the person get their lock scheduled for the cut-off on the end date
 *       (an immediate termination: now). At the cut-off, unshipped requests are cancelled, lockable items locked,
 *       and everything with the person asked back, due within the collection window after the end date.</li>
 *   <li><b>Corrections</b>: a start or end date change moves the due dates; a cancelled joiner cancels open
 *       requests (and asks back, locked, anything already sent); a withdrawn leaver cancels the scheduled lock, or
 *       after the cut-off gives locked items back to the person.</li>
 *   <li><b>Deskside steps</b>: assigned → prepared → shipped → delivered, and collected → wiped → redeployed or
 *       retired; lost or stolen from any state with an asset, final, with an alert. Anything else is refused with
 *       the reason and changes nothing.</li>
 * </ul>
 */
public final class EquipmentLifecycle {

    /** The actor of the changes the service makes itself. */
    public static final String SERVICE = "equipment-service";

    private final Catalogue catalogue;
    private final DueDates due;

    public EquipmentLifecycle(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.due = new DueDates(catalogue.timing());
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public DueDates dueDates() {
        return due;
    }

    // ------------------------------------------------------------------ lifecycle events

    public Decision onLifecycleEvent(PersonEquipment before, LifecycleEvent event, Instant now) {
        if (before.hasApplied(event.eventId())) {
            return Decision.alreadyApplied(before);
        }
        Changes work = new Changes(before, now, event.eventId(), event.correlationId(), event.agency());
        LifecycleEvent.Change change = event.change();
        if (change instanceof LifecycleEvent.Joined joined) {
            start(work, event, joined.startDate(), joined.profile(), false);
        } else if (change instanceof LifecycleEvent.Rehired rehired) {
            start(work, event, rehired.startDate(), rehired.profile(), true);
        } else if (change instanceof LifecycleEvent.Moved moved) {
            move(work, event, moved);
        } else if (change instanceof LifecycleEvent.Left left) {
            leave(work, event, left);
        } else if (change instanceof LifecycleEvent.StartDateChanged changed) {
            moveStartDate(work, event, changed.newStartDate());
        } else if (change instanceof LifecycleEvent.EndDateChanged changed) {
            moveEndDate(work, event, changed.newEndDate());
        } else if (change instanceof LifecycleEvent.JoinerCancelled cancelled) {
            cancelJoiner(work, event, cancelled.reason());
        } else if (change instanceof LifecycleEvent.LeaverCancelled cancelled) {
            cancelLeaver(work, cancelled.reason());
        }
        // NoEquipmentEffect: remembered as applied, nothing else.
        work.person = work.person.remembering(event.eventId());
        return Decision.applied(work.person, work.changes);
    }

    private void start(Changes work, LifecycleEvent event, LocalDate startDate, PersonProfile profile, boolean rehire) {
        PersonEquipment person = work.person.withPosition(event.agency(), profile).withStartDate(startDate);
        if (person.leave() != null && person.leave().cutOffDone()) {
            person = person.withLeave(null);
        }
        work.person = person;
        Set<String> held = rehire ? Set.of() : heldCatalogueItems(person);
        String why = rehire ? "rehire starting " + startDate + " (nothing from before is reused)"
                : "joiner starting " + startDate;
        for (Entitlement entitlement : catalogue.entitlementsOf(profile)) {
            if (!held.contains(entitlement.item().id())) {
                request(work, event, entitlement, Purpose.START, startDate, profile,
                        why + ", rule '" + entitlement.rule() + "'");
            }
        }
    }

    private void move(Changes work, LifecycleEvent event, LifecycleEvent.Moved moved) {
        PersonProfile profile = moved.profile();
        boolean knownBefore = !work.person.items().isEmpty();
        work.person = work.person.withPosition(event.agency(), profile);
        List<Entitlement> entitled = catalogue.entitlementsOf(profile);
        Set<String> entitledIds = new HashSet<>();
        entitled.forEach(entitlement -> entitledIds.add(entitlement.item().id()));
        Set<String> held = new HashSet<>();
        if (knownBefore) {
            held.addAll(heldCatalogueItems(work.person));
        } else if (moved.previousProfile() == null) {
            held.addAll(entitledIds); // equipment from before the service knew the person is unknown: ask for nothing
        } else {
            // unknown equipment, but the previous role's grants are presumably held: request only what is new
            catalogue.entitlementsOf(moved.previousProfile()).forEach(e -> held.add(e.item().id()));
        }
        for (Entitlement entitlement : entitled) {
            if (!held.contains(entitlement.item().id())) {
                request(work, event, entitlement, Purpose.MOVE, moved.effectiveDate(), profile,
                        "move on " + moved.effectiveDate() + " to " + profile.jobTitle() + ", rule '"
                                + entitlement.rule() + "'");
            }
        }
        Instant returnDue = due.moverReturnDue(moved.effectiveDate(), event.zone());
        for (Item item : work.person.items()) {
            if (!item.state().isHeld() || entitledIds.contains(item.catalogueItem())) {
                continue;
            }
            String why = "the role from " + moved.effectiveDate() + " (" + profile.jobTitle()
                    + ") no longer includes " + item.catalogueItem();
            Item here = item.at(profile.location());
            if (item.state().isBeforeShipping()) {
                work.apply(here, ChangeKind.CANCELLED, ItemState.CANCELLED, null, SERVICE, why, null);
            } else {
                work.apply(here, ChangeKind.COLLECTION_REQUESTED, ItemState.COLLECTION_REQUESTED, returnDue, SERVICE,
                        why + "; due back by " + returnDue, null);
            }
        }
    }

    private void leave(Changes work, LifecycleEvent event, LifecycleEvent.Left left) {
        LocalDate today = DueDates.dateOf(work.now, event.zone());
        Instant cutOff = left.immediate() ? work.now : due.cutOff(left.endDate(), event.zone());
        LocalDate collectFrom = left.endDate().isBefore(today) ? today : left.endDate();
        PendingLeave leave = new PendingLeave(left.endDate(), cutOff, due.collectionDue(collectFrom, event.zone()),
                work.now, work.person.items().size(), event.eventId(), event.correlationId(), false);
        work.person = work.person.withLeave(leave);
        if (!cutOff.isAfter(work.now)) {
            carryOutCutOff(work, left.immediate() ? "immediate termination" : "end date " + left.endDate()
                    + " is past its cut-off");
            return;
        }
        for (Item item : work.person.items()) {
            if (item.state().isWithPerson() && item.type().remotelyLockable()) {
                work.apply(item, ChangeKind.LOCK_SCHEDULED, item.state(), cutOff, SERVICE,
                        "leaver: end date " + left.endDate() + ", locked at the cut-off", event.correlationId());
            }
        }
    }

    private void moveStartDate(Changes work, LifecycleEvent event, LocalDate newStartDate) {
        LocalDate previous = work.person.startDate();
        work.person = work.person.withStartDate(newStartDate);
        for (Item item : work.person.items()) {
            if (item.purpose() != Purpose.START || !(item.state().isBeforeShipping()
                    || item.state() == ItemState.SHIPPED)) {
                continue;
            }
            Item moved = item.neededOn(newStartDate);
            Instant newDue = item.state() == ItemState.SHIPPED ? due.deliverBy(newStartDate, event.zone())
                    : due.shipBy(newStartDate, item.leadTimeDays(), event.zone());
            work.apply(moved, ChangeKind.DUE_DATE_MOVED, item.state(), newDue, SERVICE,
                    "start date moved" + (previous == null ? "" : " from " + previous) + " to " + newStartDate,
                    null);
        }
    }

    private void moveEndDate(Changes work, LifecycleEvent event, LocalDate newEndDate) {
        PendingLeave leave = work.person.leave();
        if (leave == null) {
            return; // no leaver known: nothing is scheduled to move
        }
        Instant collectionDue = due.collectionDue(newEndDate, event.zone());
        String why = "end date moved from " + leave.endDate() + " to " + newEndDate;
        if (!leave.cutOffDone()) {
            Instant cutOff = due.cutOff(newEndDate, event.zone());
            work.person = work.person.withLeave(leave.movedTo(newEndDate, cutOff, collectionDue));
            if (!cutOff.isAfter(work.now)) {
                carryOutCutOff(work, why + ", whose cut-off is past");
                return;
            }
            for (Item item : work.person.items()) {
                if (item.state().isWithPerson() && item.type().remotelyLockable()) {
                    work.apply(item, ChangeKind.DUE_DATE_MOVED, item.state(), cutOff, SERVICE,
                            why + ": locked at the cut-off then", leave.correlationId());
                }
            }
            return;
        }
        // Already locked: the lock stays; the collection's due date follows the new end date.
        work.person = work.person.withLeave(leave.movedTo(newEndDate, leave.cutOffAt(), collectionDue));
        for (Item item : work.person.items()) {
            if (item.state() == ItemState.COLLECTION_REQUESTED && leave.correlationId().equals(item.correlationId())) {
                work.apply(item, ChangeKind.DUE_DATE_MOVED, item.state(), collectionDue, SERVICE,
                        why + ": due back by " + collectionDue, null);
            }
        }
    }

    private void cancelJoiner(Changes work, LifecycleEvent event, String reason) {
        work.person = work.person.withStartDate(null);
        Instant collectionDue = due.collectionDue(DueDates.dateOf(work.now, event.zone()), event.zone());
        String why = "joiner cancelled" + (reason == null ? "" : " (" + reason + ")");
        for (Item item : work.person.items()) {
            if (item.purpose() != Purpose.START || !item.state().isHeld()) {
                continue;
            }
            if (item.state().isBeforeShipping()) {
                work.apply(item, ChangeKind.CANCELLED, ItemState.CANCELLED, null, SERVICE, why, null);
            } else {
                lockAndAskBack(work, item, collectionDue, why, null);
            }
        }
    }

    private void cancelLeaver(Changes work, String reason) {
        PendingLeave leave = work.person.leave();
        if (leave == null) {
            return;
        }
        String why = "leaver withdrawn" + (reason == null ? "" : " (" + reason + ")");
        work.person = work.person.withLeave(null);
        for (Item item : work.person.items()) {
            if (!leave.cutOffDone() && item.state().isWithPerson() && item.type().remotelyLockable()) {
                work.apply(item, ChangeKind.LOCK_CANCELLED, item.state(), null, SERVICE, why, null);
            } else if (leave.cutOffDone() && (item.state() == ItemState.COLLECTION_REQUESTED
                    || item.state() == ItemState.LOCKED) && leave.correlationId().equals(item.correlationId())) {
                work.apply(item, ChangeKind.UNLOCKED, ItemState.DELIVERED, null, SERVICE,
                        why + ": the item stays with the person", null);
            }
        }
    }

    // ------------------------------------------------------------------ time

    /** Carries out what is due by {@code now}: the pending leaver's cut-off. */
    public Decision onTime(PersonEquipment before, Instant now) {
        PendingLeave leave = before.leave();
        if (leave == null || leave.cutOffDone() || leave.cutOffAt().isAfter(now)) {
            return Decision.applied(before, List.of());
        }
        Changes work = new Changes(before, now, leave.causationId(), leave.correlationId(), before.agency());
        carryOutCutOff(work, "end date " + leave.endDate() + ", cut-off reached");
        return Decision.applied(work.person, work.changes);
    }

    private void carryOutCutOff(Changes work, String why) {
        PendingLeave leave = work.person.leave();
        List<Item> items = work.person.items();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.purpose() == Purpose.START && i >= leave.itemsAtNotice()) {
                continue; // requested for a start announced after the leaver (a rehire): not part of this leave
            }
            if (item.state().isBeforeShipping()) {
                work.apply(item, ChangeKind.CANCELLED, ItemState.CANCELLED, null, SERVICE,
                        "leaver (" + why + ") before it shipped", leave.correlationId());
            } else if (item.state().isWithPerson() || (item.state() == ItemState.COLLECTION_REQUESTED
                    && !item.isLocked())) {
                lockAndAskBack(work, item, leave.collectionDueAt(), "leaver (" + why + ")", leave.correlationId());
            }
        }
        work.person = work.person.withLeave(leave.withCutOffDone());
    }

    /** Locks a lockable item, then asks for it back by {@code collectionDue}; a peripheral is only asked back. */
    private void lockAndAskBack(Changes work, Item item, Instant collectionDue, String why, String correlationId) {
        Item current = item;
        if (item.type().remotelyLockable()) {
            current = work.apply(item, ChangeKind.LOCKED, ItemState.LOCKED, collectionDue, SERVICE,
                    why + ": " + lockWord(item.type()), correlationId);
        }
        if (current.state() != ItemState.COLLECTION_REQUESTED) {
            work.apply(current, ChangeKind.COLLECTION_REQUESTED, ItemState.COLLECTION_REQUESTED, collectionDue, SERVICE,
                    why + ": due back by " + collectionDue, correlationId);
        } else if (current.dueAt() == null || current.dueAt().isAfter(collectionDue)) {
            work.apply(current, ChangeKind.DUE_DATE_MOVED, current.state(), collectionDue, SERVICE,
                    why + ": due back by " + collectionDue, correlationId);
        }
    }

    private static String lockWord(ItemType type) {
        return type == ItemType.BADGE || type == ItemType.SECURITY_TOKEN ? "deactivated" : "locked remotely";
    }

    // ------------------------------------------------------------------ deskside steps

    /**
     * Checks and applies a deskside step. Refused (nothing changes, nothing is published) when the person or item
     * is unknown, the asset does not match, or the item's state does not allow the step; the reason says why.
     */
    public Decision onStep(PersonEquipment before, DesksideStep step, AssetLookup assets) {
        if (before.hasApplied(step.stepId())) {
            return Decision.alreadyApplied(before);
        }
        Optional<Rejection> refused = check(before, step, assets);
        if (refused.isPresent()) {
            return Decision.rejected(before, refused.get());
        }
        Item item = before.item(step.itemId()).orElseThrow();
        Changes work = new Changes(before, step.submittedAt(), step.stepId(), step.correlationId(), before.agency());
        String reason = step.note() == null || step.note().isBlank() ? "recorded by deskside" : step.note();
        boolean assigning = !item.hasAsset()
                && (step.target() == ItemState.ASSIGNED || step.target() == ItemState.PREPARED);
        String assetTag = assigning ? step.assetTag().strip() : item.assetTag();
        String serial = assigning ? step.serialNumber().strip() : item.serialNumber();
        Item current = item;
        if (assigning && step.target() == ItemState.PREPARED) {
            current = work.record(current, ChangeKind.ASSIGNED, ItemState.ASSIGNED, current.dueAt(), step.actor(),
                    reason, assetTag, serial);
        }
        ItemState target = step.target();
        current = work.record(current, ChangeKind.valueOf(target.name()), target, dueAfter(before, current, target),
                step.actor(), reason, assetTag, serial);
        if (target == ItemState.LOST || target == ItemState.STOLEN) {
            work.record(current, ChangeKind.ALERT_RAISED, target, null, SERVICE, "asset " + assetTag + " (serial "
                    + serial + ") reported " + target.name().toLowerCase(Locale.ROOT) + " by " + step.actor()
                    + (step.note() == null ? "" : ": " + step.note()), assetTag, serial);
        }
        work.person = work.person.remembering(step.stepId());
        return Decision.applied(work.person, work.changes);
    }

    /** Why the step cannot be recorded, if it cannot. */
    public Optional<Rejection> check(PersonEquipment person, DesksideStep step, AssetLookup assets) {
        if (!person.isKnown()) {
            return reject(Rejection.Kind.UNKNOWN_PERSON, "no equipment is known for person " + step.personId());
        }
        Optional<Item> found = person.item(step.itemId());
        if (found.isEmpty()) {
            return reject(Rejection.Kind.UNKNOWN_ITEM, "person " + step.personId() + " has no item " + step.itemId());
        }
        Item item = found.get();
        ItemState target = step.target();
        if (!DesksideStep.RECORDABLE.contains(target)) {
            return reject(Rejection.Kind.NOT_A_DESKSIDE_STEP, target + " is set by the service, not recorded by "
                    + "deskside; deskside records " + DesksideStep.RECORDABLE);
        }
        String subject = item.catalogueItem() + " " + item.itemId();
        if (item.hasAsset() && step.assetTag() != null && !item.assetTag().equalsIgnoreCase(step.assetTag().strip())) {
            return reject(Rejection.Kind.ASSET_MISMATCH, "item " + subject + " is asset " + item.assetTag() + ", not "
                    + step.assetTag().strip());
        }
        if (item.hasAsset() && step.serialNumber() != null
                && !item.serialNumber().equalsIgnoreCase(step.serialNumber().strip())) {
            return reject(Rejection.Kind.ASSET_MISMATCH, "item " + subject + " has serial number "
                    + item.serialNumber() + ", not " + step.serialNumber().strip());
        }
        Optional<String> notAllowed = transitionProblem(item, target);
        if (notAllowed.isPresent()) {
            return reject(Rejection.Kind.INVALID_TRANSITION, "cannot record " + target + " for item " + subject
                    + " of person " + step.personId() + ": it is " + item.state() + "; " + notAllowed.get());
        }
        boolean assigning = !item.hasAsset() && (target == ItemState.ASSIGNED || target == ItemState.PREPARED);
        if (assigning) {
            if (isBlank(step.assetTag()) || isBlank(step.serialNumber())) {
                return reject(Rejection.Kind.MISSING_DETAIL, "recording " + target + " for item " + subject
                        + ", which has no asset yet, needs its assetTag and serialNumber");
            }
            Optional<AssetLookup.AssetHolder> holder = assets.holderOf(step.assetTag().strip());
            if (holder.isPresent() && !holder.get().itemId().equals(item.itemId())) {
                return reject(Rejection.Kind.ASSET_IN_USE, "asset " + step.assetTag().strip() + " is on item "
                        + holder.get().itemId() + " of person " + holder.get().personId() + ", which is "
                        + holder.get().state());
            }
        }
        return Optional.empty();
    }

    /** Why an item in its state cannot reach {@code target} by a deskside step, or empty when it can. */
    static Optional<String> transitionProblem(Item item, ItemState target) {
        ItemState from = item.state();
        if (from.isTerminal()) {
            return Optional.of(from + " is final");
        }
        boolean allowed;
        String rule;
        switch (target) {
            case ASSIGNED -> {
                allowed = from == ItemState.REQUESTED;
                rule = "an asset is assigned to a requested item";
            }
            case PREPARED -> {
                allowed = from == ItemState.REQUESTED || from == ItemState.ASSIGNED;
                rule = "an item is prepared after it is requested or assigned";
            }
            case SHIPPED -> {
                allowed = from == ItemState.PREPARED;
                rule = "an item ships after it is prepared";
            }
            case DELIVERED -> {
                allowed = from == ItemState.PREPARED || from == ItemState.SHIPPED;
                rule = "an item is delivered after it is prepared or shipped";
            }
            case COLLECTED -> {
                allowed = from == ItemState.SHIPPED || from == ItemState.DELIVERED || from == ItemState.LOCKED
                        || from == ItemState.COLLECTION_REQUESTED;
                rule = "only an item that was shipped or delivered to the person can be collected";
            }
            case WIPED -> {
                allowed = from == ItemState.COLLECTED;
                rule = "an item is wiped after it is collected";
            }
            case REDEPLOYED, RETIRED -> {
                allowed = from == ItemState.WIPED || (from == ItemState.COLLECTED && !item.type().holdsData());
                rule = item.type().holdsData()
                        ? "a " + item.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " holds data: it is wiped after collection, before it is redeployed or retired"
                        : "an item is redeployed or retired after it is collected";
            }
            case LOST, STOLEN -> {
                allowed = from != ItemState.REQUESTED;
                rule = "only an item with an asset can be lost or stolen";
            }
            default -> {
                allowed = false;
                rule = target + " is not a deskside step";
            }
        }
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(from == target ? "it is " + target + " already" : rule);
    }

    /** The due date after a deskside step: the delivery date once shipped; no date once the step ends the work. */
    private Instant dueAfter(PersonEquipment person, Item item, ItemState target) {
        if (target == ItemState.ASSIGNED || target == ItemState.PREPARED) {
            return item.dueAt();
        }
        if (target == ItemState.SHIPPED && item.neededOn() != null && person.profile() != null) {
            return due.deliverBy(item.neededOn(), ZoneId.of(person.profile().timeZone()));
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    private void request(Changes work, LifecycleEvent event, Entitlement entitlement, Purpose purpose,
                         LocalDate neededOn, PersonProfile profile, String why) {
        var catalogueItem = entitlement.item();
        String itemId = UUID.nameUUIDFromBytes((event.eventId() + "/" + catalogueItem.id())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant shipBy = due.shipBy(neededOn, catalogueItem.leadTimeDays(), event.zone());
        Item item = new Item(itemId, catalogueItem.id(), catalogue.version(), catalogueItem.type(),
                catalogueItem.model(), catalogueItem.leadTimeDays(), purpose, neededOn, profile.location(), null, null,
                null, null, work.now, null, event.correlationId(), List.of());
        work.apply(item, ChangeKind.REQUESTED, ItemState.REQUESTED, shipBy, SERVICE, why, null);
    }

    private static Set<String> heldCatalogueItems(PersonEquipment person) {
        Set<String> held = new HashSet<>();
        person.items().stream().filter(item -> item.state().isHeld()).forEach(item -> held.add(item.catalogueItem()));
        return held;
    }

    private static Optional<Rejection> reject(Rejection.Kind kind, String reason) {
        return Optional.of(new Rejection(kind, reason));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The person as it changes while one input is applied, and the changes to publish, in order. */
    private static final class Changes {

        private PersonEquipment person;
        private final Instant now;
        private final String causationId;
        private final String correlationId;
        private final String agency;
        private final List<EquipmentChange> changes = new ArrayList<>();

        Changes(PersonEquipment person, Instant now, String causationId, String correlationId, String agency) {
            this.person = person;
            this.now = now;
            this.causationId = causationId;
            this.correlationId = correlationId;
            this.agency = agency;
        }

        /** A change made by the service: the asset stays as it is. */
        Item apply(Item item, ChangeKind kind, ItemState state, Instant dueAt, String actor, String reason,
                   String caseCorrelationId) {
            Item current = person.item(item.itemId()).map(stored -> stored.at(item.site()).neededOn(item.neededOn()))
                    .orElse(item);
            return record(current, kind, state, dueAt, actor, reason, current.assetTag(), current.serialNumber(),
                    caseCorrelationId);
        }

        Item record(Item item, ChangeKind kind, ItemState state, Instant dueAt, String actor, String reason,
                    String assetTag, String serialNumber) {
            return record(item, kind, state, dueAt, actor, reason, assetTag, serialNumber, null);
        }

        private Item record(Item item, ChangeKind kind, ItemState state, Instant dueAt, String actor, String reason,
                            String assetTag, String serialNumber, String caseCorrelationId) {
            String itemCorrelation = caseCorrelationId != null ? caseCorrelationId
                    : item.correlationId() != null ? item.correlationId() : correlationId;
            Instant lockedAt = kind == ChangeKind.LOCKED ? now : kind == ChangeKind.UNLOCKED ? null : item.lockedAt();
            HistoryEntry entry = new HistoryEntry(kind, state, now, actor, assetTag, serialNumber, dueAt, reason,
                    causationId);
            Item changed = item.with(entry, lockedAt, itemCorrelation);
            person = person.withItem(changed);
            String eventId = UUID.nameUUIDFromBytes((changed.itemId() + "#" + changed.history().size())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            changes.add(new EquipmentChange(eventId, now, causationId, itemCorrelation, person.personId(),
                    agency != null ? agency : person.agency(), changed.itemId(), changed.catalogueItem(),
                    changed.catalogueVersion(), changed.type(), changed.model(), assetTag, serialNumber,
                    item.history().isEmpty() ? null : item.state(), state, kind, dueAt, changed.site(), actor,
                    reason));
            return changed;
        }
    }
}
