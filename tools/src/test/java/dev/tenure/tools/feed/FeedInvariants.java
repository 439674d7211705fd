package dev.tenure.tools.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What must hold of a feed, person by person, as an HR system would send it; lists what does not. */
final class FeedInvariants {

    private enum Stage { JOINED, LEAVING, LEFT, CANCELLED }

    private static final class Person {
        Stage stage;
        String joinerId;
        String leaverId;
        LocalDate start;
        LocalDate end;
        LocalDate lastMove;
        Instant lastSubmit;
    }

    private FeedInvariants() {
    }

    static List<String> violations(List<ScheduledEvent> feed) {
        List<String> problems = new ArrayList<>();
        Map<String, Person> people = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        for (ScheduledEvent scheduled : feed) {
            FeedEvent e = scheduled.event();
            String where = e.type() + " " + e.eventId() + " of " + e.personId() + ": ";
            if (!ids.add(e.eventId())) {
                problems.add(where + "duplicate event id");
            }
            if (scheduled.submitAt().isBefore(previous)) {
                problems.add(where + "out of submission order");
            }
            previous = scheduled.submitAt();
            Person p = people.get(e.personId());
            if (p != null && !scheduled.submitAt().isAfter(p.lastSubmit)) {
                problems.add(where + "not submitted after the person's previous event");
            }
            LocalDate submitDay = scheduled.submitAt().atZone(ZoneId.of(e.timeZone())).toLocalDate();
            switch (e.type()) {
                case JOINER:
                    if (p != null) {
                        problems.add(where + "second joiner");
                        continue;
                    }
                    p = new Person();
                    p.stage = Stage.JOINED;
                    p.joinerId = e.eventId();
                    p.start = e.effectiveDate();
                    p.lastMove = e.effectiveDate();
                    people.put(e.personId(), p);
                    if (!e.effectiveDate().isAfter(submitDay)) {
                        problems.add(where + "joiner starting on or before its submission day");
                    }
                    break;
                case START_DATE_CHANGED:
                    if (p == null || p.stage != Stage.JOINED || !p.start.equals(e.previousDate())) {
                        problems.add(where + "start date change without a matching joiner");
                    } else if (!submitDay.isBefore(p.start) || !e.effectiveDate().isAfter(submitDay)) {
                        problems.add(where + "start date changed on or after the start, or to a date already past");
                    } else {
                        p.start = e.effectiveDate();
                        p.lastMove = e.effectiveDate();
                    }
                    break;
                case JOINER_CANCELLED:
                    if (p == null || p.stage != Stage.JOINED || !e.effectiveDate().equals(p.start)
                            || !p.joinerId.equals(e.cancelledEventId()) || !p.lastMove.equals(p.start)) {
                        problems.add(where + "cancels no pending joiner");
                    } else {
                        p.stage = Stage.CANCELLED;
                    }
                    break;
                case MOVER:
                    if (p == null || p.stage != Stage.JOINED) {
                        problems.add(where + "move of someone not employed (" + (p == null ? "unknown" : p.stage) + ")");
                    } else if (!e.effectiveDate().isAfter(p.lastMove) || submitDay.isBefore(p.start)) {
                        problems.add(where + "move before the start or a previous move, or submitted before the start");
                    } else {
                        p.lastMove = e.effectiveDate();
                    }
                    break;
                case LEAVER:
                    if (p == null || p.stage != Stage.JOINED) {
                        problems.add(where + "leaver of someone not employed");
                    } else if (e.effectiveDate().isBefore(p.start) || !e.effectiveDate().isAfter(p.lastMove)
                            || !submitDay.isAfter(p.start)) {
                        problems.add(where + "end date before the start or a move, or submitted before the start");
                    } else if (Boolean.TRUE.equals(e.immediate()) && e.effectiveDate().isAfter(submitDay)) {
                        problems.add(where + "immediate termination dated in the future of its submission");
                    } else if (!Boolean.TRUE.equals(e.immediate()) && !e.effectiveDate().isAfter(submitDay)) {
                        problems.add(where + "notice-period leaver not dated after its submission");
                    } else {
                        p.stage = Stage.LEAVING;
                        p.leaverId = e.eventId();
                        p.end = e.effectiveDate();
                    }
                    break;
                case END_DATE_CHANGED:
                    if (p == null || p.stage != Stage.LEAVING || !p.end.equals(e.previousDate())) {
                        problems.add(where + "end date change without a matching leaver");
                    } else if (!submitDay.isBefore(p.end) || e.effectiveDate().isBefore(p.start)
                            || !e.effectiveDate().isAfter(p.lastMove) || !e.effectiveDate().isAfter(submitDay)) {
                        problems.add(where + "end date changed after the end, or to before the start, a move or today");
                    } else {
                        p.end = e.effectiveDate();
                    }
                    break;
                case LEAVER_CANCELLED:
                    if (p == null || p.stage != Stage.LEAVING || !p.leaverId.equals(e.cancelledEventId())
                            || !p.end.equals(e.effectiveDate()) || !submitDay.isBefore(p.end)) {
                        problems.add(where + "withdraws no pending leaver");
                    } else {
                        p.stage = Stage.JOINED;
                        p.end = null;
                    }
                    break;
                case REHIRE:
                    if (p == null || (p.stage != Stage.LEAVING && p.stage != Stage.LEFT)) {
                        problems.add(where + "rehire of someone who has not left");
                    } else if (!submitDay.isAfter(p.end) || !e.effectiveDate().isAfter(p.end)) {
                        problems.add(where + "rehire before the end date");
                    } else {
                        p.stage = Stage.JOINED;
                        p.start = e.effectiveDate();
                        p.lastMove = e.effectiveDate();
                        p.end = null;
                    }
                    break;
                default:
                    problems.add(where + "unknown type");
            }
            if (p != null) {
                p.lastSubmit = scheduled.submitAt();
            }
        }
        return problems;
    }

    /** Whole days from the submission to the start of the effective date in the event's zone (the intake's measure). */
    static long noticeDays(ScheduledEvent scheduled) {
        FeedEvent e = scheduled.event();
        return Duration.between(scheduled.submitAt(), e.effectiveDate().atStartOfDay(ZoneId.of(e.timeZone())).toInstant()).toDays();
    }

    /** The fields each type may carry, beyond the six every event has. */
    static Map<EventType, Set<String>> allowedFields() {
        Set<String> joiner = Set.of("givenName", "familyName", "preferredName", "department", "jobCode", "jobTitle", "location",
                "managerPersonId", "employmentType", "contactName", "contactEmail");
        Map<EventType, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put(EventType.JOINER, joiner);
        allowed.put(EventType.REHIRE, joiner);
        allowed.put(EventType.MOVER, Set.of("department", "jobCode", "jobTitle", "location", "managerPersonId", "employmentType",
                "transfer", "changedAttributes"));
        allowed.put(EventType.LEAVER, Set.of("leaveReason", "immediate"));
        allowed.put(EventType.START_DATE_CHANGED, Set.of("previousDate"));
        allowed.put(EventType.END_DATE_CHANGED, Set.of("previousDate"));
        allowed.put(EventType.JOINER_CANCELLED, Set.of("cancelReason", "cancelledEventId"));
        allowed.put(EventType.LEAVER_CANCELLED, Set.of("cancelReason", "cancelledEventId"));
        return allowed;
    }
}
