package dev.tenure.audit.sle.domain;

import dev.tenure.audit.sle.domain.CaseUpdate.Reported;
import dev.tenure.audit.sle.domain.CaseUpdate.Withdrawn;
import dev.tenure.audit.sle.domain.LifecycleFact.EndDateChanged;
import dev.tenure.audit.sle.domain.LifecycleFact.Envelope;
import dev.tenure.audit.sle.domain.LifecycleFact.Joined;
import dev.tenure.audit.sle.domain.LifecycleFact.JoinerCancelled;
import dev.tenure.audit.sle.domain.LifecycleFact.LeaverCancelled;
import dev.tenure.audit.sle.domain.LifecycleFact.Left;
import dev.tenure.audit.sle.domain.LifecycleFact.Moved;
import dev.tenure.audit.sle.domain.LifecycleFact.StartDateChanged;
import dev.tenure.audit.sle.domain.WorkScope.ItemProgress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SLE cases of one person: opened by lifecycle events, filled with the work the access and equipment services
 * plan and report, and decided by the passing of time. Plain Java: the clock is a parameter.
 *
 * <ul>
 *   <li><b>Opening</b>: a joiner or rehire opens a {@link Sle#PROVISIONED_BEFORE_START} case, a mover a
 *       {@link Sle#MOVER_PRIOR_ACCESS_REMOVED} case, a leaver an {@link Sle#ACCESS_CUT_ON_END_DATE} and a
 *       {@link Sle#DEPROVISIONED_WITHIN_14_DAYS} case. A new joiner (leaver) supersedes the person's earlier joiner
 *       (leaver) cases that are not due yet — as access-service's planner replaces their plan — and those are
 *       withdrawn. Due times and notice: {@link Deadlines}.</li>
 *   <li><b>Corrections</b>: a changed start (end) date moves the latest joiner (leaver) cases to the new date; notice
 *       is then measured from the correction when the date moved earlier, and still from the original submission when
 *       it moved later. A cancelled joiner (leaver) withdraws its cases that are not due yet; a case whose due time
 *       has passed stays as measured.</li>
 *   <li><b>Work</b>: an access change belongs to the cases of the lifecycle event that caused it (its causation id),
 *       an item of equipment to the cases of the event that asked for it (causation or correlation id), then by its
 *       item id; {@link WorkScope} says which work each SLE waits for. Work is counted per action and per item, never
 *       per event: a second outcome of one action (a replay, ALREADY_SO after DONE) changes nothing, and the first
 *       success is when it was done.</li>
 *   <li><b>Status</b>: a late submission is {@link CaseStatus#LATE_SUBMISSION}; otherwise a case is
 *       {@link CaseStatus#PENDING} until its due time, then {@link CaseStatus#MET} when all its work was done before
 *       the due time, else {@link CaseStatus#MISSED} — also when nothing ever happened. Evidence arriving later still
 *       changes it, until {@link SleSettings#finalAfter()} after the due time; then the case is final and dropped from
 *       the state.</li>
 * </ul>
 * Every step returns the new state and the case changes to report; a view is reported only when it changed.
 */
public final class SleCaseRules {

    private final SleSettings settings;
    private final Deadlines deadlines;
    private final WorkScope scope;

    public SleCaseRules(SleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deadlines = new Deadlines(settings);
        this.scope = new WorkScope(settings);
    }

    public SleSettings settings() {
        return settings;
    }

    /** The state after a step and what to report of it. */
    public record Step(PersonCases state, List<CaseUpdate> updates) {
        public Step {
            updates = List.copyOf(updates);
        }
    }

    /** Applies a lifecycle event; one already applied changes nothing. */
    public Step onLifecycle(PersonCases before, LifecycleFact fact, Instant now) {
        if (before.seenEvents().contains(fact.eventId())) {
            return new Step(before, List.of());
        }
        Work work = new Work(before, now, fact.eventId());
        work.seen.add(fact.eventId());
        Envelope env = fact.envelope();
        if (fact instanceof Joined joined) {
            work.positionZone = firstOf(joined.positionZone(), work.positionZone);
            work.withdraw(c -> c.sle() == Sle.PROVISIONED_BEFORE_START && now.isBefore(c.dueAt()));
            work.open(Sle.PROVISIONED_BEFORE_START, env, joined.startDate(),
                    Deadlines.zone(firstOf(joined.positionZone(), env.timeZone())));
        } else if (fact instanceof Moved moved) {
            work.positionZone = firstOf(moved.positionZone(), work.positionZone);
            work.open(Sle.MOVER_PRIOR_ACCESS_REMOVED, env, moved.effectiveDate(),
                    Deadlines.zone(firstOf(moved.positionZone(), env.timeZone())));
        } else if (fact instanceof Left left) {
            ZoneId zone = Deadlines.zone(firstOf(work.positionZone, env.timeZone()));
            work.withdraw(c -> c.sle().isLeaver() && now.isBefore(c.dueAt()));
            work.open(Sle.ACCESS_CUT_ON_END_DATE, env, left.endDate(), zone);
            work.open(Sle.DEPROVISIONED_WITHIN_14_DAYS, env, left.endDate(), zone);
        } else if (fact instanceof StartDateChanged changed) {
            work.correct(work.latest(c -> c.sle() == Sle.PROVISIONED_BEFORE_START), changed.newStartDate(), env);
        } else if (fact instanceof EndDateChanged changed) {
            work.correct(work.latest(c -> c.sle().isLeaver()), changed.newEndDate(), env);
        } else if (fact instanceof JoinerCancelled cancelled) {
            work.cancel(c -> c.sle() == Sle.PROVISIONED_BEFORE_START, cancelled.cancelledEventId());
        } else if (fact instanceof LeaverCancelled cancelled) {
            work.cancel(c -> c.sle().isLeaver(), cancelled.cancelledEventId());
        }
        return work.finish();
    }

    /** Applies a planned access change or the outcome of one. */
    public Step onAccess(PersonCases before, AccessEvidence evidence, Instant now) {
        Work work = new Work(before, now, evidence.eventId());
        if (!work.apply(evidence)) {
            work.keepUnmatched(evidence);
        }
        return work.finish();
    }

    /** Applies a change of an item of equipment. */
    public Step onEquipment(PersonCases before, EquipmentEvidence evidence, Instant now) {
        Work work = new Work(before, now, evidence.eventId());
        if (!work.apply(evidence)) {
            work.keepUnmatched(evidence);
        }
        return work.finish();
    }

    /** Lets time pass: cases whose due time came are decided, final ones dropped, stale unmatched evidence too. */
    public Step onTime(PersonCases before, Instant now) {
        return new Work(before, now, null).finish();
    }

    /** Where a case stands at {@code now}. */
    public CaseView view(SleCase c, Instant now) {
        Completion completion = completion(c);
        CaseStatus status;
        if (c.late()) {
            status = CaseStatus.LATE_SUBMISSION;
        } else if (now.isBefore(c.dueAt())) {
            status = CaseStatus.PENDING;
        } else if (completion.complete() && (completion.at() == null || completion.at().isBefore(c.dueAt()))) {
            status = CaseStatus.MET;
        } else {
            status = CaseStatus.MISSED;
        }
        return new CaseView(c.caseId(), c.sle(), c.personId(), c.agency(), status, c.submittedAt(), c.dueAt(),
                completion.at(), c.effectiveDate(), c.timeZone(), c.correlationId());
    }

    /**
     * Whether all the case's work is done (with its account step, where it has one), and when the last of it was:
     * null for a case that had nothing to do (a mover whose new role removes nothing).
     */
    private record Completion(boolean complete, Instant at) {
        static final Completion INCOMPLETE = new Completion(false, null);
    }

    private Completion completion(SleCase c) {
        if (!scope.accountStepDone(c)) {
            return Completion.INCOMPLETE;
        }
        Instant last = null;
        for (CaseTask task : c.tasks().values()) {
            if (task.doneAt() == null) {
                return Completion.INCOMPLETE;
            }
            last = last == null || task.doneAt().isAfter(last) ? task.doneAt() : last;
        }
        return new Completion(true, last);
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    /** One step's working copy of a person's state. */
    private final class Work {

        private final String personId;
        private final Instant now;
        private final String causationId;
        private String positionZone;
        private final List<SleCase> cases;
        private final List<Unmatched> unmatched;
        private final Set<String> seen;
        private final List<CaseUpdate> updates = new ArrayList<>();

        Work(PersonCases state, Instant now, String causationId) {
            this.personId = state.personId();
            this.now = now;
            this.causationId = causationId;
            this.positionZone = state.positionZone();
            this.cases = new ArrayList<>(state.cases());
            this.unmatched = new ArrayList<>(state.unmatched());
            this.seen = new HashSet<>(state.seenEvents());
        }

        void open(Sle sle, Envelope env, LocalDate date, ZoneId zone) {
            if (!settings.measures(deadlines.dueAt(sle, date, zone))) {
                return;
            }
            cases.add(new SleCase(SleCase.caseId(sle, env.agency(), env.eventId()), sle, personId, env.agency(), env.eventId(),
                    env.correlationId(), Set.of(env.eventId()), date, zone.getId(), env.submittedAt(),
                    deadlines.dueAt(sle, date, zone), deadlines.isLate(env.submittedAt(), date, zone), null, null, 0));
        }

        /** The cases of the family opened by its most recent opening event. */
        List<SleCase> latest(Predicate<SleCase> family) {
            String opening = null;
            for (SleCase c : cases) {
                if (family.test(c)) {
                    opening = c.openingEventId();
                }
            }
            String latestOpening = opening;
            return cases.stream().filter(family).filter(c -> c.openingEventId().equals(latestOpening)).toList();
        }

        void correct(List<SleCase> targets, LocalDate newDate, Envelope correction) {
            for (SleCase c : targets) {
                ZoneId zone = Deadlines.zone(c.timeZone());
                Instant noticeFrom = newDate.isBefore(c.effectiveDate()) ? correction.submittedAt() : c.submittedAt();
                replace(c, c.correctedTo(correction.eventId(), newDate, deadlines.dueAt(c.sle(), newDate, zone),
                        noticeFrom, deadlines.isLate(noticeFrom, newDate, zone)));
            }
        }

        void cancel(Predicate<SleCase> family, String cancelledEventId) {
            List<SleCase> targets = cancelledEventId == null ? latest(family)
                    : cases.stream().filter(family).filter(c -> c.openingEventId().equals(cancelledEventId)).toList();
            Set<String> ids = new HashSet<>();
            targets.stream().filter(c -> now.isBefore(c.dueAt())).forEach(c -> ids.add(c.caseId()));
            withdraw(c -> ids.contains(c.caseId()));
        }

        void withdraw(Predicate<SleCase> which) {
            List<SleCase> gone = cases.stream().filter(which).toList();
            cases.removeAll(gone);
            for (SleCase c : gone) {
                if (c.reported() != null) {
                    updates.add(new Withdrawn(c.caseId(), c.sle(), c.agency(), c.personId(), causationId));
                }
            }
        }

        /** Gives the change to the cases of its lifecycle event; false when no case is of that event. */
        boolean apply(AccessEvidence e) {
            boolean concerned = false;
            for (SleCase c : List.copyOf(cases)) {
                if (e.causationId() == null || !c.eventIds().contains(e.causationId())) {
                    continue;
                }
                concerned = true;
                String id = CaseTask.accessId(e.actionId());
                CaseTask task = c.tasks().get(id);
                // an outcome of a change the case already waits for counts whatever it calls itself: a manual task's
                // completion finishes the ENTITLEMENT_REVOKED its command planned
                if (task == null && !scope.wants(c.sle(), e)) {
                    continue;
                }
                if (task == null) {
                    task = new CaseTask(id, CaseTask.Kind.ACCESS, e.action(), e.targetSystem(), e.entitlement(),
                            null);
                } else if (e.action() == AccessAction.MANUAL_TASK_COMPLETED) {
                    task = task.withAction(e.action());
                }
                if (e.result() == AccessEvidence.Result.DONE && e.action() != AccessAction.MANUAL_TASK_OPENED) {
                    task = task.doneBy(e.at());
                }
                replace(c, c.withTask(task));
            }
            return concerned;
        }

        /** Gives the change to the cases tracking the item, or that asked for it; false when none did. */
        boolean apply(EquipmentEvidence e) {
            boolean concerned = false;
            String id = CaseTask.equipmentId(e.itemId());
            for (SleCase c : List.copyOf(cases)) {
                CaseTask task = c.tasks().get(id);
                if (task == null) {
                    if (!scope.opens(c.sle(), e.change()) || !c.concerns(e.causationId(), e.correlationId())) {
                        continue;
                    }
                    task = new CaseTask(id, CaseTask.Kind.EQUIPMENT, null, e.itemType(), e.itemId(), null);
                }
                concerned = true;
                ItemProgress progress = scope.progress(c.sle(), e);
                if (progress == ItemProgress.DONE) {
                    replace(c, c.withTask(task.doneBy(e.at())));
                } else if (progress == ItemProgress.NOT_NEEDED && task.doneAt() == null) {
                    replace(c, c.withoutTask(id));
                } else {
                    replace(c, c.withTask(task));
                }
            }
            return concerned;
        }

        /** Keeps a change whose lifecycle event is not known yet, for when it comes. */
        void keepUnmatched(AccessEvidence e) {
            if (e.causationId() != null && !seen.contains(e.causationId())) {
                unmatched.add(new Unmatched(now, e, null));
            }
        }

        /**
         * Keeps an item's change that opens work for a lifecycle event not known yet, and the item's later changes
         * while its opening one waits.
         */
        void keepUnmatched(EquipmentEvidence e) {
            boolean opening = scope.opensAny(e.change()) && e.causationId() != null && !seen.contains(e.causationId());
            boolean itemWaits = unmatched.stream().anyMatch(u -> u.equipment() != null
                    && u.equipment().itemId().equals(e.itemId()));
            if (opening || itemWaits) {
                unmatched.add(new Unmatched(now, null, e));
            }
        }

        Step finish() {
            absorbUnmatched();
            for (SleCase c : List.copyOf(cases)) {
                CaseView view = view(c, now);
                if (!view.equals(c.reported())) {
                    SleCase reported = c.withReported(view);
                    replace(c, reported);
                    updates.add(new Reported(view, causationId, reported.revision()));
                }
            }
            cases.removeIf(c -> !now.isBefore(c.dueAt().plus(settings.finalAfter())));
            unmatched.removeIf(u -> !now.isBefore(u.receivedAt().plus(settings.unmatchedRetention())));
            PersonCases state = new PersonCases(personId, positionZone, cases, unmatched, seen, null);
            return new Step(new PersonCases(personId, positionZone, cases, unmatched, seen, wakeAt(state)), updates);
        }

        /** Unmatched evidence whose lifecycle event is now known goes to its cases (or nowhere, if none wants it). */
        private void absorbUnmatched() {
            List<Unmatched> waiting = List.copyOf(unmatched);
            Set<String> released = new HashSet<>();
            unmatched.clear();
            for (Unmatched u : waiting) {
                boolean known = u.causationId() != null && seen.contains(u.causationId())
                        || u.equipment() != null && released.contains(u.equipment().itemId());
                if (!known) {
                    unmatched.add(u);
                } else if (u.access() != null) {
                    apply(u.access());
                } else {
                    apply(u.equipment());
                    released.add(u.equipment().itemId());
                }
            }
        }

        /** The next time something happens by time alone: a case comes due or final, unmatched evidence expires. */
        private Instant wakeAt(PersonCases state) {
            Instant next = null;
            for (SleCase c : state.cases()) {
                next = earliestAfterNow(next, c.dueAt());
                next = earliestAfterNow(next, c.dueAt().plus(settings.finalAfter()));
            }
            for (Unmatched u : state.unmatched()) {
                next = earliestAfterNow(next, u.receivedAt().plus(settings.unmatchedRetention()));
            }
            return next;
        }

        private Instant earliestAfterNow(Instant current, Instant candidate) {
            if (!candidate.isAfter(now)) {
                return current;
            }
            return current == null || candidate.isBefore(current) ? candidate : current;
        }

        private void replace(SleCase old, SleCase updated) {
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).caseId().equals(old.caseId())) {
                    cases.set(i, updated);
                    return;
                }
            }
        }
    }
}
