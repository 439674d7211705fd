package dev.tenure.tools.bench.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeMoved;
import dev.tenure.schemas.hr.EmployeeRehired;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import dev.tenure.tools.feed.EventType;
import dev.tenure.tools.feed.FeedConfig;
import dev.tenure.tools.feed.SampleFeedGenerator;
import dev.tenure.tools.feed.ScheduledEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoricalEnvelopesTest {

    @Test
    void shouldTurnEveryKindOfFeedEventIntoAnEnvelopeSubmittedWhenScheduled() {
        // Given a year of a 2,000-person organisation
        List<ScheduledEvent> feed = SampleFeedGenerator.generate(FeedConfig.defaults().withPeople(2000).withSeed(7)
                .withStart(LocalDate.of(2025, 1, 1)));
        HistoricalEnvelopes envelopes = new HistoricalEnvelopes();
        Map<String, Position> lastPosition = new HashMap<>();

        for (ScheduledEvent scheduled : feed) {
            // When
            HrLifecycleEvent event = envelopes.envelope(scheduled);

            // Then the envelope is the event, as of its submission
            assertThat(event.getEventId()).isEqualTo(scheduled.event().eventId());
            assertThat(event.getPersonId()).isEqualTo(scheduled.event().personId());
            assertThat(event.getSubmittedAt()).isEqualTo(scheduled.submitAt());
            assertThat(event.getEffectiveDate()).isEqualTo(scheduled.event().effectiveDate());
            assertThat(event.getSubmittedBy().getPrincipal()).isEqualTo(scheduled.submitter().principal());
            if (event.getPayload() instanceof EmployeeJoined joined) {
                lastPosition.put(event.getPersonId(), joined.getPosition());
            } else if (event.getPayload() instanceof EmployeeRehired rehired) {
                lastPosition.put(event.getPersonId(), rehired.getPosition());
            } else if (event.getPayload() instanceof EmployeeMoved moved) {
                // and a move carries the position the person held before it
                assertThat(moved.getPreviousPosition()).isEqualTo(lastPosition.get(event.getPersonId()));
                assertThat(moved.getTransfer()).isEqualTo(!moved.getNewPosition().getAgency().equals(
                        moved.getPreviousPosition().getAgency()));
                lastPosition.put(event.getPersonId(), moved.getNewPosition());
            }
        }
        Set<EventType> types = feed.stream().map(s -> s.event().type()).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void shouldCountNoticeInWholeDaysOfThePersonsZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 09:00 New York two weeks before a start at midnight: 13 whole days, late
        assertThat(HistoricalEnvelopes.noticeDays(Instant.parse("2026-03-02T14:00:00Z"), LocalDate.of(2026, 3, 16), newYork))
                .isEqualTo(13);
        // midnight exactly two weeks before: 14
        assertThat(HistoricalEnvelopes.noticeDays(Instant.parse("2026-03-02T05:00:00Z"), LocalDate.of(2026, 3, 16), newYork))
                .isEqualTo(14);
        // an hour into the effective day: back-dated
        assertThat(HistoricalEnvelopes.noticeDays(Instant.parse("2026-03-16T05:00:00Z"), LocalDate.of(2026, 3, 16), newYork))
                .isEqualTo(-1);
    }
}
