package dev.tenure.tools.bench.access;

import dev.tenure.tools.feed.EventType;
import dev.tenure.tools.feed.FeedConfig;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.LeaveReason;
import dev.tenure.tools.feed.SampleFeedGenerator;
import dev.tenure.tools.feed.ScheduledEvent;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people a benchmark run terminates: the joiners of a sample feed that ended long ago (so every one of them has
 * started and has an enabled account), under a person-id prefix of their own for this run.
 */
final class BenchPeople {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final String prefix;
    private final List<FeedEvent> joiners;

    private BenchPeople(String prefix, List<FeedEvent> joiners) {
        this.prefix = prefix;
        this.joiners = joiners;
    }

    /** {@code count} people who joined between about 800 and 435 days ago, in any of the sample organisation's zones. */
    static BenchPeople joinedLongAgo(String label, int count, LocalDate today) {
        return joinedLongAgo(label, count, today, null);
    }

    /**
     * As {@link #joinedLongAgo(String, int, LocalDate)}, only people whose position is in {@code zone} (when not
     * null): the planner cuts a person off in the zone of their position, so one cut-off instant needs one zone.
     */
    static BenchPeople joinedLongAgo(String label, int count, LocalDate today, String zone) {
        SecureRandom random = new SecureRandom();
        StringBuilder prefix = new StringBuilder(label);
        for (int i = 0; i < 5; i++) {
            prefix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        prefix.append('P');
        int people = count;
        while (true) {
            FeedConfig config = FeedConfig.defaults().withPeople(people).withSeed(random.nextLong())
                    .withStart(today.minusDays(800)).withPersonIdPrefix(prefix.toString());
            Map<String, FeedEvent> firstJoiners = new LinkedHashMap<>();
            for (FeedEvent event : ScheduledEvent.events(SampleFeedGenerator.generate(config))) {
                if (event.type() == EventType.JOINER && (zone == null || zone.equals(event.timeZone()))) {
                    firstJoiners.putIfAbsent(event.personId(), event);
                }
            }
            if (firstJoiners.size() >= count) {
                return new BenchPeople(prefix.toString(), new ArrayList<>(firstJoiners.values()).subList(0, count));
            }
            people = people + count - firstJoiners.size() + 10;
        }
    }

    String prefix() {
        return prefix;
    }

    List<FeedEvent> joiners() {
        return joiners;
    }

    /** The person's leaver: their last day is {@code endDate} in {@code timeZone}, at once or at the cut-off. */
    static FeedEvent leaver(FeedEvent joiner, LocalDate endDate, String timeZone, boolean immediate) {
        return FeedEvent.builder(UUID.randomUUID().toString(), EventType.LEAVER, joiner.personId())
                .agency(joiner.agency())
                .effectiveDate(endDate)
                .timeZone(timeZone)
                .leaveReason(immediate ? LeaveReason.TERMINATION_FOR_CAUSE : LeaveReason.RESIGNATION)
                .immediate(immediate)
                .build();
    }
}
