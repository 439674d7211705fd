package dev.tenure.tools.bench.sle;

import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessGroupKind;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.equipment.EquipmentType;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.ScheduledEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What access-service and equipment-service would have written for each event of a sample HR feed, up to
 * {@code now}: the planner's commands on {@code access-commands}, the executor's (and the identity provider's)
 * outcomes on {@code access-events}, and the equipment changes on {@code equipment-events}, with the ids, action ids
 * ({@code <event id>/<milestone>/<step>/<entitlement>}), causation and timing the services give them. A model, not
 * the services themselves: its proportions follow the example policy and catalogue (an account and four to six
 * groups and lists per joiner, VPN for some, a manual payroll task for a few; a laptop and a badge for everyone and
 * a phone for some), and a few per cent of the work fails first, waits for a human, or completes late, so the SLEs
 * have misses to find. What would only happen after {@code now} is left out (those cases stay pending).
 *
 * <p>Corrections are applied as the services would: a changed start or end date moves the joiner's (leaver's) work,
 * a cancellation drops what was not done by then. Give it the whole feed first ({@link #ServiceOutputs}), then ask
 * for each event's records in feed order.
 */
public final class ServiceOutputs {

    static final String ACCESS_SERVICE = "access-service";
    static final String EQUIPMENT_SERVICE = "equipment-service";
    static final Duration PREPARE_LEAD = Duration.ofDays(3);
    static final LocalTime CUT_OFF = LocalTime.of(17, 0);

    private final Instant now;
    private final long seed;
    /** joiner or leaver event id → its date after the last correction */
    private final Map<String, LocalDate> correctedDates = new HashMap<>();
    /** joiner or leaver event id → when it was cancelled */
    private final Map<String, Instant> cancelledAt = new HashMap<>();
    /** person id → the items they hold (from their latest joiner or rehire) */
    private final Map<String, List<Item>> items = new HashMap<>();
    /** person id → the entitlements their position gives */
    private final Map<String, List<String>> entitlements = new HashMap<>();

    private record Item(String id, EquipmentType type, String model, String catalogueItem) {
    }

    public ServiceOutputs(List<ScheduledEvent> feed, Instant now, long seed) {
        this.now = now;
        this.seed = seed;
        Map<String, String> latestJoiner = new HashMap<>();
        Map<String, String> latestLeaver = new HashMap<>();
        for (ScheduledEvent scheduled : feed) {
            FeedEvent e = scheduled.event();
            switch (e.type()) {
                case JOINER, REHIRE -> latestJoiner.put(e.personId(), e.eventId());
                case LEAVER -> latestLeaver.put(e.personId(), e.eventId());
                case START_DATE_CHANGED -> {
                    String joiner = latestJoiner.get(e.personId());
                    if (joiner != null) {
                        correctedDates.put(joiner, e.effectiveDate());
                    }
                }
                case END_DATE_CHANGED -> {
                    String leaver = latestLeaver.get(e.personId());
                    if (leaver != null) {
                        correctedDates.put(leaver, e.effectiveDate());
                    }
                }
                case JOINER_CANCELLED, LEAVER_CANCELLED -> {
                    if (e.cancelledEventId() != null) {
                        cancelledAt.put(e.cancelledEventId(), scheduled.submitAt());
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The records the services would have written for this event (its envelope as published), none after now. */
    public List<ReplayRecord> of(ScheduledEvent scheduled, HrLifecycleEvent envelope) {
        FeedEvent e = scheduled.event();
        List<ReplayRecord> out = new ArrayList<>();
        Context c = new Context(e, envelope, new SplittableRandom(seed ^ e.eventId().hashCode()), out);
        switch (e.type()) {
            case JOINER, REHIRE -> joiner(c);
            case MOVER -> mover(c);
            case LEAVER -> leaver(c);
            default -> {
                // corrections and cancellations re-time or withdraw the work of the event they correct (above)
            }
        }
        return out;
    }

    /** One event's generation: the event, its random numbers, where the records go and until when. */
    private final class Context {
        final FeedEvent event;
        final HrLifecycleEvent envelope;
        final SplittableRandom random;
        final List<ReplayRecord> out;
        final ZoneId zone;
        final Instant until;

        Context(FeedEvent event, HrLifecycleEvent envelope, SplittableRandom random, List<ReplayRecord> out) {
            this.event = event;
            this.envelope = envelope;
            this.random = random;
            this.out = out;
            this.zone = ZoneId.of(event.timeZone());
            Instant cancelled = cancelledAt.get(event.eventId());
            this.until = cancelled != null && cancelled.isBefore(now) ? cancelled : now;
        }

        LocalDate date() {
            return correctedDates.getOrDefault(event.eventId(), event.effectiveDate());
        }

        Instant seconds(Instant from, int min, int max) {
            return from.plusSeconds(min + random.nextInt(max - min + 1));
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        void add(String topic, Instant at, org.apache.avro.specific.SpecificRecord value) {
            if (!at.isAfter(until)) {
                out.add(new ReplayRecord(topic, event.personId(), at, value));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ joiners

    private void joiner(Context c) {
        FeedEvent e = c.event;
        String id = e.eventId();
        Instant submitted = c.envelope.getSubmittedAt();
        Instant start = c.date().atStartOfDay(c.zone).toInstant();
        Instant prepareDue = start.minus(PREPARE_LEAD);
        Instant planned = later(submitted, prepareDue);
        List<String> birthright = birthright(e, c.random);
        entitlements.put(e.personId(), birthright);

        String milestone = id + "/prepare";
        // a late submission is prepared at once and may finish after the start; a few others are slow
        boolean slow = c.chance(0.04);
        command(c, milestone, AccessStep.ACCOUNT_CREATED, AccessOperation.ENSURE_ACCOUNT, "directory", null, planned);
        outcome(c, milestone, AccessAction.ACCOUNT_CREATED, "directory", null, AccessOutcome.DONE,
                c.seconds(planned, 1, 90), planned);
        for (String entitlement : birthright) {
            command(c, milestone, AccessStep.ENTITLEMENT_GRANTED, AccessOperation.ENSURE_MEMBERSHIP, "directory",
                    entitlement, planned);
            Instant done = c.seconds(planned, 2, 180);
            if (slow && entitlement.equals(birthright.get(birthright.size() - 1))) {
                outcome(c, milestone, AccessAction.ENTITLEMENT_GRANTED, "directory", entitlement, AccessOutcome.FAILED,
                        done, planned);
                done = c.seconds(done, 3600, 5 * 86_400);
            }
            outcome(c, milestone, AccessAction.ENTITLEMENT_GRANTED, "directory", entitlement, AccessOutcome.DONE,
                    done, planned);
        }
        if (c.chance(0.06)) { // an application without an API: a manual task for the service desk
            Instant opened = c.seconds(planned, 5, 300);
            manualTask(c, milestone, "legacy-payroll", opened, c.seconds(opened, 3600, 4 * 86_400), planned);
        }
        String enable = id + "/enable";
        command(c, enable, AccessStep.ACCOUNT_ENABLED, AccessOperation.SET_ACCOUNT_ENABLED, "directory", null,
                later(submitted, start));
        outcome(c, enable, AccessAction.ACCOUNT_ENABLED, "directory", null, AccessOutcome.DONE,
                c.seconds(later(submitted, start), 1, 60), start);

        List<Item> kit = new ArrayList<>();
        kit.add(new Item(itemId(id, "laptop"), EquipmentType.LAPTOP, "Dell Latitude 7450, 16 GB, Windows 11 Enterprise",
                "laptop-standard"));
        kit.add(new Item(itemId(id, "badge"), EquipmentType.BADGE, "HID iCLASS SE photo badge", "badge"));
        if (c.chance(0.3)) {
            kit.add(new Item(itemId(id, "phone"), EquipmentType.PHONE, "Apple iPhone 16e, managed", "phone"));
        }
        items.put(e.personId(), kit);
        Instant shipBy = start.minus(Duration.ofDays(5));
        for (Item item : kit) {
            Instant requested = c.seconds(submitted, 1, 30);
            Instant assigned = c.seconds(later(requested, shipBy.minus(Duration.ofDays(2))), 600, 86_400);
            Instant shipped = c.seconds(later(assigned, shipBy), 600, 86_400);
            Instant delivered = c.seconds(shipped, 86_400, 3 * 86_400);
            if (c.chance(0.03)) {
                delivered = delivered.plus(Duration.ofDays(5));
            }
            String previous = equipment(c, item, EquipmentChange.REQUESTED, EquipmentState.REQUESTED, id, requested,
                    start);
            previous = equipment(c, item, EquipmentChange.ASSIGNED, EquipmentState.ASSIGNED, previous, assigned, start);
            previous = equipment(c, item, EquipmentChange.SHIPPED, EquipmentState.SHIPPED, previous, shipped, start);
            equipment(c, item, EquipmentChange.DELIVERED, EquipmentState.DELIVERED, previous, delivered, start);
        }
    }

    // ------------------------------------------------------------------------------------------------- movers

    private void mover(Context c) {
        FeedEvent e = c.event;
        Instant submitted = c.envelope.getSubmittedAt();
        Instant at = later(submitted, c.date().atStartOfDay(c.zone).toInstant());
        List<String> before = entitlements.getOrDefault(e.personId(), List.of());
        List<String> after = birthright(e, c.random);
        entitlements.put(e.personId(), after);
        String milestone = e.eventId() + "/move";
        for (String old : before) {
            if (!after.contains(old)) {
                command(c, milestone, AccessStep.ENTITLEMENT_REVOKED, AccessOperation.REMOVE_MEMBERSHIP, "directory",
                        old, at);
                Instant done = c.chance(0.02) ? c.seconds(at, 15 * 86_400, 20 * 86_400) : c.seconds(at, 2, 180);
                outcome(c, milestone, AccessAction.ENTITLEMENT_REVOKED, "directory", old, AccessOutcome.DONE, done, at);
            }
        }
        for (String added : after) {
            if (!before.contains(added)) {
                command(c, milestone, AccessStep.ENTITLEMENT_GRANTED, AccessOperation.ENSURE_MEMBERSHIP, "directory",
                        added, at);
                outcome(c, milestone, AccessAction.ENTITLEMENT_GRANTED, "directory", added, AccessOutcome.DONE,
                        c.seconds(at, 2, 180), at);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ leavers

    private void leaver(Context c) {
        FeedEvent e = c.event;
        String id = e.eventId();
        Instant submitted = c.envelope.getSubmittedAt();
        Instant cutOff = Boolean.TRUE.equals(e.immediate()) ? submitted
                : later(submitted, c.date().atTime(CUT_OFF).atZone(c.zone).toInstant());
        String milestone = id + "/cut-off";
        Instant disabled = c.chance(0.01) ? c.seconds(cutOff, 86_400, 2 * 86_400) : c.seconds(cutOff, 1, 60);
        command(c, milestone, AccessStep.ACCOUNT_DISABLED, AccessOperation.SET_ACCOUNT_ENABLED, "directory", null,
                cutOff);
        outcome(c, milestone, AccessAction.ACCOUNT_DISABLED, "directory", null, AccessOutcome.DONE, disabled, cutOff);
        // the identity provider reports its steps itself
        outcome(c, milestone, AccessAction.MFA_REVOKED, "idp", "mfa", AccessOutcome.DONE, c.seconds(cutOff, 1, 30),
                cutOff);
        outcome(c, milestone, AccessAction.SESSIONS_REVOKED, "idp", null, AccessOutcome.DONE,
                c.seconds(cutOff, 1, 30), cutOff);
        for (String entitlement : entitlements.getOrDefault(e.personId(), List.of())) {
            command(c, milestone, AccessStep.ENTITLEMENT_REVOKED, AccessOperation.REMOVE_MEMBERSHIP, "directory",
                    entitlement, cutOff);
            Instant done = c.seconds(cutOff, 2, 120);
            if (c.chance(0.02)) {
                outcome(c, milestone, AccessAction.ENTITLEMENT_REVOKED, "directory", entitlement,
                        AccessOutcome.WAITING_FOR_HUMAN, done, cutOff);
                done = c.seconds(done, 86_400, 16 * 86_400);
            }
            outcome(c, milestone, AccessAction.ENTITLEMENT_REVOKED, "directory", entitlement, AccessOutcome.DONE,
                    done, cutOff);
        }
        Instant collectionDue = cutOff.plus(Duration.ofDays(14));
        for (Item item : items.getOrDefault(e.personId(), List.of())) {
            String previous = equipment(c, item, EquipmentChange.LOCKED, EquipmentState.LOCKED, id, cutOff,
                    collectionDue);
            previous = equipment(c, item, EquipmentChange.COLLECTION_REQUESTED, EquipmentState.COLLECTION_REQUESTED,
                    previous, cutOff.plusSeconds(1), collectionDue);
            double fate = c.random.nextDouble();
            if (fate < 0.005) {
                equipment(c, item, EquipmentChange.LOST, EquipmentState.LOST, previous,
                        c.seconds(cutOff, 86_400, 10 * 86_400), collectionDue);
            } else {
                Instant collected = fate < 0.03 ? c.seconds(cutOff, 15 * 86_400, 20 * 86_400)
                        : c.seconds(cutOff, 3600, 10 * 86_400);
                equipment(c, item, EquipmentChange.COLLECTED, EquipmentState.COLLECTED, previous, collected,
                        collectionDue);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- records

    private static void command(Context c, String milestone, AccessStep step, AccessOperation operation, String target,
                                String entitlement, Instant dueAt) {
        String actionId = actionId(milestone, step.name(), entitlement);
        boolean membership = entitlement != null;
        c.add(Topics.ACCESS_COMMANDS.name(), dueAt, AccessCommand.newBuilder()
                .setEventId(uuid(actionId)).setOccurredAt(dueAt).setCausationId(c.event.eventId())
                .setCorrelationId(c.event.eventId()).setSource(ACCESS_SERVICE).setActionId(actionId)
                .setPersonId(c.event.personId()).setAgency(c.event.agency()).setTargetSystem(target)
                .setEntitlement(entitlement).setStep(step).setOperation(operation)
                .setEnabled(operation == AccessOperation.SET_ACCOUNT_ENABLED ? step == AccessStep.ACCOUNT_ENABLED : null)
                .setGroup(membership ? entitlement : null)
                .setGroupKind(membership ? (entitlement.endsWith("-all") || entitlement.equals("all-staff")
                        ? AccessGroupKind.DISTRIBUTION : AccessGroupKind.SECURITY) : null)
                .setAccount(null).setDueAt(dueAt).build());
    }

    private static void outcome(Context c, String milestone, AccessAction action, String target, String entitlement,
                                AccessOutcome outcome, Instant at, Instant dueAt) {
        String actionId = actionId(milestone, stepOf(action), entitlement);
        c.add(Topics.ACCESS_EVENTS.name(), at, AccessEvent.newBuilder()
                .setEventId(uuid(actionId + "#" + outcome + "@" + at.toEpochMilli())).setOccurredAt(at)
                .setCausationId(c.event.eventId()).setCorrelationId(c.event.eventId()).setSource(ACCESS_SERVICE)
                .setPersonId(c.event.personId()).setAgency(c.event.agency()).setTargetSystem(target)
                .setEntitlement(entitlement).setAction(action).setOutcome(outcome)
                .setReason(outcome == AccessOutcome.FAILED ? "LDAP 51: busy"
                        : outcome == AccessOutcome.WAITING_FOR_HUMAN ? "group owned by another team" : null)
                .setEffectiveAt(at).setActor(ACCESS_SERVICE).setActionId(actionId).setDueAt(dueAt).build());
    }

    private static void manualTask(Context c, String milestone, String entitlement, Instant opened, Instant completed,
                                   Instant dueAt) {
        String actionId = actionId(milestone, "manual_task", entitlement);
        for (AccessAction action : List.of(AccessAction.MANUAL_TASK_OPENED, AccessAction.MANUAL_TASK_COMPLETED)) {
            Instant at = action == AccessAction.MANUAL_TASK_OPENED ? opened : completed;
            c.add(Topics.ACCESS_EVENTS.name(), at, AccessEvent.newBuilder()
                    .setEventId(uuid(actionId + "#" + action)).setOccurredAt(at).setCausationId(c.event.eventId())
                    .setCorrelationId(c.event.eventId()).setSource(ACCESS_SERVICE).setPersonId(c.event.personId())
                    .setAgency(c.event.agency()).setTargetSystem("manual").setEntitlement(entitlement)
                    .setAction(action).setOutcome(action == AccessAction.MANUAL_TASK_OPENED
                            ? AccessOutcome.WAITING_FOR_HUMAN : AccessOutcome.DONE)
                    .setReason(null).setEffectiveAt(at)
                    .setActor(action == AccessAction.MANUAL_TASK_OPENED ? ACCESS_SERVICE : "servicedesk-agent")
                    .setActionId(actionId).setDueAt(dueAt).build());
        }
    }

    /** Writes one change of an item; returns its event id, the causation of the next change of that item. */
    private static String equipment(Context c, Item item, EquipmentChange change, EquipmentState state,
                                    String causation, Instant at, Instant dueAt) {
        String eventId = uuid(item.id() + "#" + change + "#" + c.event.eventId());
        c.add(Topics.EQUIPMENT_EVENTS.name(), at, EquipmentEvent.newBuilder()
                .setEventId(eventId).setOccurredAt(at).setCausationId(causation)
                .setCorrelationId(c.event.eventId()).setSource(EQUIPMENT_SERVICE).setPersonId(c.event.personId())
                .setAgency(c.event.agency()).setItemType(item.type()).setModel(item.model())
                .setAssetTag(change == EquipmentChange.REQUESTED ? null : "A" + Math.abs(item.id().hashCode()))
                .setSerialNumber(null).setState(state).setDueAt(dueAt)
                .setActor(change == EquipmentChange.COLLECTED || change == EquipmentChange.DELIVERED ? "deskside-agent"
                        : EQUIPMENT_SERVICE)
                .setItemId(item.id()).setChange(change).setPreviousState(null).setCatalogueItem(item.catalogueItem())
                .setCatalogueVersion("2026.11-1").setSite(c.event.location()).setReason(null).build());
        return eventId;
    }

    /** The example policy's birthright for a position: everyone's list, the agency's group and list, sometimes more. */
    private static List<String> birthright(FeedEvent e, SplittableRandom random) {
        String agency = e.agency().toLowerCase(Locale.ROOT);
        List<String> ids = new ArrayList<>(List.of("all-staff", agency + "-staff", agency + "-all"));
        if (e.department() != null && random.nextDouble() < 0.5) {
            ids.add("dept-" + e.department().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        }
        if (e.jobCode() != null && e.jobCode().startsWith("IT")) {
            ids.add("vpn");
        }
        return ids;
    }

    private static String stepOf(AccessAction action) {
        return switch (action) {
            case ACCOUNT_CREATED -> AccessStep.ACCOUNT_CREATED.name();
            case ACCOUNT_ENABLED -> AccessStep.ACCOUNT_ENABLED.name();
            case ACCOUNT_DISABLED -> AccessStep.ACCOUNT_DISABLED.name();
            case ENTITLEMENT_GRANTED -> AccessStep.ENTITLEMENT_GRANTED.name();
            case ENTITLEMENT_REVOKED -> AccessStep.ENTITLEMENT_REVOKED.name();
            default -> action.name();
        };
    }

    /** As the planner names an action: {@code <milestone>/<step>/<entitlement id or "account">}. */
    static String actionId(String milestone, String step, String entitlement) {
        return milestone + "/" + step.toLowerCase(Locale.ROOT) + "/" + (entitlement == null ? "account" : entitlement);
    }

    private static String itemId(String eventId, String kind) {
        return uuid(eventId + "/" + kind);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
