package dev.tenure.tools.bench;

import dev.tenure.tools.feed.FeedConfig;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.SampleFeedGenerator;
import dev.tenure.tools.feed.ScheduledEvent;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fresh sample feeds of an exact number of events for one benchmark run: every batch has its own
 * seed and person-id prefix ({@code B<run tag>R<batch>P000001}), so no event id or person repeats
 * across batches or runs. A batch is the first {@code count} events of a feed in submission order,
 * which is itself consistent (every person's joiner comes before their other events).
 */
public final class BenchmarkFeeds {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final LocalDate feedStart;
    private final SecureRandom random = new SecureRandom();
    private final String runTag;
    private int batch;

    public BenchmarkFeeds(LocalDate feedStart) {
        this.feedStart = feedStart;
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        this.runTag = tag.toString();
    }

    public String runTag() {
        return runTag;
    }

    public List<FeedEvent> events(int count) {
        return new ArrayList<>(ScheduledEvent.events(scheduled(count)));
    }

    /** The whole of a fresh feed of {@code people} people, in submission order. */
    public List<ScheduledEvent> ofPeople(int people) {
        batch++;
        String prefix = ("B" + runTag + "R" + batch + "P").toUpperCase(Locale.ROOT);
        return SampleFeedGenerator.generate(FeedConfig.defaults().withPeople(people).withSeed(random.nextLong())
                .withStart(feedStart).withPersonIdPrefix(prefix));
    }

    /** The first {@code count} events of a fresh feed, with when and by whom each is submitted. */
    public List<ScheduledEvent> scheduled(int count) {
        batch++;
        String prefix = ("B" + runTag + "R" + batch + "P").toUpperCase(Locale.ROOT);
        long seed = random.nextLong();
        int people = Math.max(10, (int) Math.ceil(count / 1.4));
        while (true) {
            FeedConfig config = FeedConfig.defaults().withPeople(people).withSeed(seed).withStart(feedStart)
                    .withPersonIdPrefix(prefix);
            List<ScheduledEvent> feed = SampleFeedGenerator.generate(config);
            if (feed.size() >= count) {
                return new ArrayList<>(feed.subList(0, count));
            }
            people = (int) Math.ceil(people * 1.1 * count / Math.max(1, feed.size()));
        }
    }
}
