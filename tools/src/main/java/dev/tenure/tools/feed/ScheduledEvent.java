package dev.tenure.tools.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generated event with when, on the generator's clock, it is meant to be submitted and by whom,
 * so a demo can replay a feed on time (the SLEs measure notice from the submission).
 */
public record ScheduledEvent(Instant submitAt, Submitter submitter, FeedEvent event) {

    public ScheduledEvent {
        Objects.requireNonNull(submitAt, "submitAt");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(event, "event");
    }

    /** The events of {@code feed}, in its order. */
    public static List<FeedEvent> events(List<ScheduledEvent> feed) {
        List<FeedEvent> events = new ArrayList<>(feed.size());
        for (ScheduledEvent scheduled : feed) {
            events.add(scheduled.event());
        }
        return events;
    }
}
