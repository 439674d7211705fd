package dev.tenure.system;

import dev.tenure.system.Evidence.Accepted;
import dev.tenure.tools.feed.FeedEvent;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each fed person's directory account must be once every date of the feed has passed, from the feed alone: a
 * person who joined (or was rehired) and has not left since has an enabled account; a person who left, or whose
 * joining was cancelled, has none that is enabled (disabled, or deleted after the retention window).
 */
final class ExpectedAccounts {

    enum Expected { ENABLED, NOT_ENABLED }

    private ExpectedAccounts() {
    }

    /** Each person's expected account on {@code day}; people with a date on or after {@code day} are left out. */
    static Map<String, Expected> on(LocalDate day, List<Accepted> feed) {
        Map<String, Person> people = new LinkedHashMap<>();
        feed.stream().sorted(Comparator.comparing(Accepted::submittedAt)).forEach(a -> {
            FeedEvent e = a.event();
            Person p = people.computeIfAbsent(e.personId(), id -> new Person());
            p.lastDate = p.lastDate == null || e.effectiveDate().isAfter(p.lastDate) ? e.effectiveDate() : p.lastDate;
            switch (e.type()) {
                case JOINER, REHIRE -> {
                    p.hired = true;
                    p.leaving = false;
                }
                case START_DATE_CHANGED, MOVER -> { }
                case END_DATE_CHANGED -> p.endDate = e.effectiveDate();
                case JOINER_CANCELLED -> p.hired = false;
                case LEAVER -> {
                    p.leaving = true;
                    p.endDate = e.effectiveDate();
                }
                case LEAVER_CANCELLED -> p.leaving = false;
                default -> throw new IllegalStateException("unknown event type " + e.type());
            }
        });
        Map<String, Expected> expected = new LinkedHashMap<>();
        people.forEach((id, p) -> {
            if (p.lastDate.isBefore(day)) {
                boolean employed = p.hired && !(p.leaving && p.endDate.isBefore(day));
                expected.put(id, employed ? Expected.ENABLED : Expected.NOT_ENABLED);
            }
        });
        return expected;
    }

    private static final class Person {
        boolean hired;
        boolean leaving;
        LocalDate endDate;
        LocalDate lastDate;
    }
}
