package dev.tenure.system;

import dev.tenure.system.Evidence.Accepted;
import dev.tenure.system.Evidence.ItemChange;
import dev.tenure.system.Evidence.Outcome;
import dev.tenure.system.Evidence.Planned;
import dev.tenure.tools.feed.FeedEvent;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SLEs computed a second time, independently of audit-service's topology: in one pass over everything that
 * happened, from the service descriptions' words (ARCHITECTURE.md, "SLE compliance"), with the agency's defaults.
 *
 * <ul>
 *   <li>A joiner or rehire is measured against "provisioned before the start date" (due at the start of the start
 *       date, in the position's zone): the account created, every entitlement granted, every manual task completed
 *       and every item of equipment requested for it delivered.</li>
 *   <li>A leaver against "account, VPN and MFA disabled on the end date" (due at the start of the next day): the
 *       account disabled in the directory or identity provider, the VPN revoked, MFA and sessions revoked; and
 *       against "everything within 14 days" (due at the start of the 15th day after): all of that, every other
 *       entitlement and application account, every manual task, every device asked back collected.</li>
 *   <li>A mover against "prior-role access removed within 14 days": every revocation the move caused.</li>
 *   <li>Less than 14 calendar days of notice (in the person's zone) is a late submission: reported, not counted. A
 *       corrected date moves the due time; an earlier date is then measured from the correction's submission.
 *       A cancellation, or a newer joiner (leaver) of the person, withdraws the cases that were not due yet.</li>
 *   <li>Work counts when it took effect; a case is met when all of it was done before the due time. Evidence is
 *       taken until 30 days after the due time (the topology's default {@code final-after}).</li>
 * </ul>
 * The decisions that depend on when the services read an event (a withdrawal close to a due time) are listed as
 * close calls, so a difference can be told from a race.
 */
final class SleOracle {

    enum Sle { PROVISIONED_BEFORE_START, ACCESS_CUT_ON_END_DATE, DEPROVISIONED_WITHIN_14_DAYS, MOVER_PRIOR_ACCESS_REMOVED }

    enum Status { PENDING, MET, MISSED, LATE_SUBMISSION }

    /** The dashboard's counts of one SLE. */
    record Counts(long total, long met, long missed, long pending, long lateSubmissions) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(Status status) {
            return new Counts(total + 1, met + (status == Status.MET ? 1 : 0), missed + (status == Status.MISSED ? 1 : 0),
                    pending + (status == Status.PENDING ? 1 : 0), lateSubmissions + (status == Status.LATE_SUBMISSION ? 1 : 0));
        }
    }

    /** One measured case, with why it ended as it did. */
    record Decided(Sle sle, String personId, String agency, String openingEventId, LocalDate effectiveDate,
                   Instant dueAt, Status status, Instant completedAt, List<String> openWork) {
    }

    record Result(Map<Sle, Counts> counts, List<Decided> cases, List<String> closeCalls) {
    }

    static final int NOTICE_DAYS = 14;
    static final int WINDOW_DAYS = 14;
    static final Duration FINAL_AFTER = Duration.ofDays(30);
    static final Duration CLOSE_CALL = Duration.ofDays(2);
    private static final Set<String> ACCOUNT_SYSTEMS = Set.of("directory", "idp");
    private static final Set<String> CUT_OFF_ENTITLEMENTS = Set.of("vpn");
    private static final Set<String> RETURNED = Set.of("COLLECTED", "WIPED", "REDEPLOYED", "RETIRED", "LOST", "STOLEN");

    private SleOracle() {
    }

    static Result compute(List<Accepted> feed, List<Planned> planned, List<Outcome> outcomes, List<ItemChange> items,
                          Instant now) {
        List<String> closeCalls = new ArrayList<>();
        Map<String, List<Accepted>> byPerson = new LinkedHashMap<>();
        feed.stream().sorted((a, b) -> a.submittedAt().compareTo(b.submittedAt()))
                .forEach(a -> byPerson.computeIfAbsent(a.event().personId(), p -> new ArrayList<>()).add(a));
        Map<String, List<ItemChange>> itemsByPerson = new HashMap<>();
        items.forEach(i -> itemsByPerson.computeIfAbsent(i.personId(), p -> new ArrayList<>()).add(i));
        List<Work> access = new ArrayList<>();
        planned.forEach(p -> access.add(new Work(p.actionId(), p.causationId(), p.action(), p.targetSystem(),
                p.entitlement(), false, null)));
        outcomes.forEach(o -> access.add(new Work(o.actionId(), o.causationId(), o.action(), o.targetSystem(),
                o.entitlement(), o.done(), o.effectiveAt())));

        Map<Sle, Counts> counts = new EnumMap<>(Sle.class);
        for (Sle sle : Sle.values()) {
            counts.put(sle, Counts.NONE);
        }
        List<Decided> decided = new ArrayList<>();
        for (var person : byPerson.entrySet()) {
            for (Case c : open(person.getValue(), closeCalls)) {
                Decided d = decide(c, access, itemsByPerson.getOrDefault(person.getKey(), List.of()), now);
                decided.add(d);
                counts.merge(c.sle, Counts.NONE.plus(d.status()), SleOracle::sum);
            }
        }
        return new Result(counts, decided, closeCalls);
    }

    private static Counts sum(Counts a, Counts b) {
        return new Counts(a.total() + b.total(), a.met() + b.met(), a.missed() + b.missed(), a.pending() + b.pending(),
                a.lateSubmissions() + b.lateSubmissions());
    }

    // ------------------------------------------------------------------------------------------- opening cases

    private static final class Case {
        final Sle sle;
        final String personId;
        final String agency;
        final String openingEventId;
        final String correlationId;
        final Set<String> eventIds = new HashSet<>();
        final ZoneId zone;
        LocalDate date;
        Instant noticeFrom;
        Instant due;
        boolean late;

        Case(Sle sle, Accepted opening, LocalDate date, ZoneId zone) {
            this.sle = sle;
            this.personId = opening.event().personId();
            this.agency = opening.event().agency();
            this.openingEventId = opening.event().eventId();
            this.correlationId = opening.correlationId();
            this.eventIds.add(openingEventId);
            this.zone = zone;
            this.date = date;
            this.noticeFrom = opening.submittedAt();
            this.due = dueAt(sle, date, zone);
            this.late = noticeDays(noticeFrom, date, zone) < NOTICE_DAYS;
        }

        boolean isLeaver() {
            return sle == Sle.ACCESS_CUT_ON_END_DATE || sle == Sle.DEPROVISIONED_WITHIN_14_DAYS;
        }
    }

    /** The person's cases still standing after all their events, in the order they were submitted. */
    private static List<Case> open(List<Accepted> events, List<String> closeCalls) {
        List<Case> cases = new ArrayList<>();
        ZoneId positionZone = null;
        for (Accepted a : events) {
            FeedEvent e = a.event();
            Instant at = a.submittedAt();
            switch (e.type()) {
                case JOINER, REHIRE -> {
                    positionZone = zone(e.timeZone());
                    withdrawNotDue(cases, c -> c.sle == Sle.PROVISIONED_BEFORE_START, at, closeCalls);
                    cases.add(new Case(Sle.PROVISIONED_BEFORE_START, a, e.effectiveDate(), positionZone));
                }
                case MOVER -> {
                    positionZone = zone(e.timeZone());
                    cases.add(new Case(Sle.MOVER_PRIOR_ACCESS_REMOVED, a, e.effectiveDate(), positionZone));
                }
                case LEAVER -> {
                    ZoneId zone = positionZone != null ? positionZone : zone(e.timeZone());
                    withdrawNotDue(cases, Case::isLeaver, at, closeCalls);
                    cases.add(new Case(Sle.ACCESS_CUT_ON_END_DATE, a, e.effectiveDate(), zone));
                    cases.add(new Case(Sle.DEPROVISIONED_WITHIN_14_DAYS, a, e.effectiveDate(), zone));
                }
                case START_DATE_CHANGED -> correct(latest(cases, c -> c.sle == Sle.PROVISIONED_BEFORE_START), a);
                case END_DATE_CHANGED -> correct(latest(cases, Case::isLeaver), a);
                case JOINER_CANCELLED -> cancel(cases, c -> c.sle == Sle.PROVISIONED_BEFORE_START, a, closeCalls);
                case LEAVER_CANCELLED -> cancel(cases, Case::isLeaver, a, closeCalls);
                default -> throw new IllegalStateException("an event type this oracle does not know: " + e.type());
            }
        }
        return cases;
    }

    private static List<Case> latest(List<Case> cases, Predicate<Case> family) {
        String opening = null;
        for (Case c : cases) {
            if (family.test(c)) {
                opening = c.openingEventId;
            }
        }
        String latest = opening;
        return cases.stream().filter(family).filter(c -> c.openingEventId.equals(latest)).toList();
    }

    private static void correct(List<Case> targets, Accepted correction) {
        LocalDate newDate = correction.event().effectiveDate();
        for (Case c : targets) {
            if (newDate.isBefore(c.date)) {
                c.noticeFrom = correction.submittedAt();
            }
            c.date = newDate;
            c.due = dueAt(c.sle, newDate, c.zone);
            c.late = noticeDays(c.noticeFrom, newDate, c.zone) < NOTICE_DAYS;
            c.eventIds.add(correction.event().eventId());
        }
    }

    private static void cancel(List<Case> cases, Predicate<Case> family, Accepted cancellation, List<String> closeCalls) {
        String cancelled = cancellation.event().cancelledEventId();
        List<Case> targets = cancelled == null ? latest(cases, family)
                : cases.stream().filter(family).filter(c -> c.openingEventId.equals(cancelled)).toList();
        Set<Case> chosen = new HashSet<>(targets);
        withdrawNotDue(cases, chosen::contains, cancellation.submittedAt(), closeCalls);
    }

    private static void withdrawNotDue(List<Case> cases, Predicate<Case> which, Instant at, List<String> closeCalls) {
        for (Case c : List.copyOf(cases)) {
            if (!which.test(c)) {
                continue;
            }
            if (Duration.between(at, c.due).abs().compareTo(CLOSE_CALL) < 0) {
                closeCalls.add(c.sle + " of " + c.personId + " (" + c.openingEventId + ") due " + c.due
                        + ", withdrawing event at " + at);
            }
            if (at.isBefore(c.due)) {
                cases.remove(c);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ deciding cases

    /** One record about an access change: its command (not done) or an outcome. */
    private record Work(String actionId, String causationId, String action, String targetSystem, String entitlement,
                        boolean done, Instant at) {
    }

    private static final class Task {
        final String action;
        final String system;
        Instant doneAt;

        Task(String action, String system) {
            this.action = action;
            this.system = system;
        }

        void doneBy(Instant at) {
            if (doneAt == null || at.isBefore(doneAt)) {
                doneAt = at;
            }
        }
    }

    private static Decided decide(Case c, List<Work> access, List<ItemChange> items, Instant now) {
        Instant lastEvidence = c.due.plus(FINAL_AFTER);
        Map<String, Task> tasks = new LinkedHashMap<>();
        for (Work w : access) {
            if (w.causationId() == null || !c.eventIds.contains(w.causationId())) {
                continue;
            }
            String id = "access:" + w.actionId();
            Task task = tasks.get(id);
            if (task == null && !wanted(c.sle, w)) {
                continue;
            }
            if (task == null) {
                task = new Task(w.action(), w.targetSystem());
                tasks.put(id, task);
            }
            if (w.done() && !w.action().equals("MANUAL_TASK_OPENED") && w.at().isBefore(lastEvidence)) {
                task.doneBy(w.at());
            }
        }
        if (c.sle == Sle.PROVISIONED_BEFORE_START || c.sle == Sle.DEPROVISIONED_WITHIN_14_DAYS) {
            for (ItemChange i : items) {
                if (!i.occurredAt().isBefore(lastEvidence)) {
                    continue;
                }
                String id = "item:" + i.itemId();
                Task task = tasks.get(id);
                if (task == null) {
                    boolean concerns = i.causationId() != null && c.eventIds.contains(i.causationId())
                            || c.correlationId.equals(i.correlationId());
                    if (!opensWork(c.sle, i.change()) || !concerns) {
                        continue;
                    }
                    task = new Task(null, "equipment");
                    tasks.put(id, task);
                }
                switch (itemProgress(c.sle, i)) {
                    case "done" -> task.doneBy(i.occurredAt());
                    case "not-needed" -> {
                        if (task.doneAt == null) {
                            tasks.remove(id);
                        }
                    }
                    default -> { }
                }
            }
        }

        boolean accountStep = switch (c.sle) {
            case PROVISIONED_BEFORE_START -> tasks.values().stream()
                    .anyMatch(t -> t.doneAt != null && "ACCOUNT_CREATED".equals(t.action));
            case ACCESS_CUT_ON_END_DATE, DEPROVISIONED_WITHIN_14_DAYS -> tasks.values().stream()
                    .anyMatch(t -> t.doneAt != null && "ACCOUNT_DISABLED".equals(t.action)
                            && ACCOUNT_SYSTEMS.contains(t.system));
            case MOVER_PRIOR_ACCESS_REMOVED -> true;
        };
        List<String> open = new ArrayList<>();
        Instant last = null;
        for (var t : tasks.entrySet()) {
            if (t.getValue().doneAt == null) {
                open.add(t.getKey() + " " + t.getValue().action + "@" + t.getValue().system);
            } else if (last == null || t.getValue().doneAt.isAfter(last)) {
                last = t.getValue().doneAt;
            }
        }
        if (!accountStep) {
            open.add("the account step");
        }
        boolean complete = open.isEmpty();
        Status status;
        if (c.late) {
            status = Status.LATE_SUBMISSION;
        } else if (now.isBefore(c.due)) {
            status = Status.PENDING;
        } else if (complete && (last == null || last.isBefore(c.due))) {
            status = Status.MET;
        } else {
            status = Status.MISSED;
        }
        return new Decided(c.sle, c.personId, c.agency, c.openingEventId, c.date, c.due, status,
                complete ? last : null, open);
    }

    private static boolean wanted(Sle sle, Work w) {
        return switch (sle) {
            case PROVISIONED_BEFORE_START -> Set.of("ACCOUNT_CREATED", "ENTITLEMENT_GRANTED", "MANUAL_TASK_OPENED",
                    "MANUAL_TASK_COMPLETED").contains(w.action());
            case ACCESS_CUT_ON_END_DATE -> w.action().equals("ACCOUNT_DISABLED") && ACCOUNT_SYSTEMS.contains(w.targetSystem())
                    || w.action().equals("MFA_REVOKED") || w.action().equals("SESSIONS_REVOKED")
                    || w.action().equals("ENTITLEMENT_REVOKED") && CUT_OFF_ENTITLEMENTS.contains(w.entitlement());
            case DEPROVISIONED_WITHIN_14_DAYS -> Set.of("ACCOUNT_DISABLED", "MFA_REVOKED", "SESSIONS_REVOKED",
                    "ENTITLEMENT_REVOKED", "MANUAL_TASK_OPENED", "MANUAL_TASK_COMPLETED").contains(w.action());
            case MOVER_PRIOR_ACCESS_REMOVED -> w.action().equals("ENTITLEMENT_REVOKED");
        };
    }

    /** Equipment a joiner waits for is what was requested for it; a leaver's, what was locked or asked back. */
    private static boolean opensWork(Sle sle, String change) {
        return sle == Sle.PROVISIONED_BEFORE_START ? change.equals("REQUESTED")
                : change.equals("LOCKED") || change.equals("COLLECTION_REQUESTED");
    }

    private static String itemProgress(Sle sle, ItemChange i) {
        if (sle == Sle.PROVISIONED_BEFORE_START) {
            return i.state().equals("DELIVERED") ? "done" : i.state().equals("CANCELLED") ? "not-needed" : "open";
        }
        if (RETURNED.contains(i.state())) {
            return "done";
        }
        // never shipped, or the person keeps it (the leaver was withdrawn)
        return i.state().equals("CANCELLED") || i.state().equals("DELIVERED") || i.change().equals("UNLOCKED")
                ? "not-needed" : "open";
    }

    // ------------------------------------------------------------------------------------------------ calendar

    /** Every due time is the start of a local day: "before the start date", "on the end date", "within N days". */
    static Instant dueAt(Sle sle, LocalDate date, ZoneId zone) {
        LocalDate day = switch (sle) {
            case PROVISIONED_BEFORE_START -> date;
            case ACCESS_CUT_ON_END_DATE -> date.plusDays(1);
            case DEPROVISIONED_WITHIN_14_DAYS, MOVER_PRIOR_ACCESS_REMOVED -> date.plusDays(WINDOW_DAYS + 1L);
        };
        return day.atStartOfDay(zone).toInstant();
    }

    /** Whole calendar days from the submission to the start of the date, on the zone's local time-line. */
    static long noticeDays(Instant submittedAt, LocalDate date, ZoneId zone) {
        LocalDateTime submitted = LocalDateTime.ofInstant(submittedAt, zone);
        LocalDateTime effective = date.atStartOfDay(zone).toLocalDateTime();
        long days = ChronoUnit.DAYS.between(submitted, effective);
        return submitted.plusDays(days).isAfter(effective) ? days - 1 : days;
    }

    static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
