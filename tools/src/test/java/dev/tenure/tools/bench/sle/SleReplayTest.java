package dev.tenure.tools.bench.sle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.feed.FeedConfig;
import dev.tenure.tools.feed.SampleFeedGenerator;
import dev.tenure.tools.feed.ScheduledEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SleReplayTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 1);
    private static final Instant NOW = START.plusDays(300).atStartOfDay().toInstant(ZoneOffset.UTC);

    private static List<ScheduledEvent> feed() {
        return SampleFeedGenerator.generate(FeedConfig.defaults().withPeople(400).withSeed(11).withStart(START));
    }

    @Test
    void shouldWriteNothingThatHappensAfterNowAndEveryCauseBeforeItsEffects() {
        // Given a sample feed; When its history up to now is built
        List<ReplayRecord> history = SleReplay.history(feed(), NOW, 5);

        // Then nothing is dated after now, the records are in time order, keyed by their person
        assertThat(history).allSatisfy(r -> assertThat(r.at()).isBeforeOrEqualTo(NOW));
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).at()).isAfterOrEqualTo(history.get(i - 1).at());
        }
        // And every command, outcome and equipment change comes after the HR event it was caused by
        Set<String> seen = new HashSet<>();
        for (ReplayRecord r : history) {
            if (r.value() instanceof HrLifecycleEvent e) {
                assertThat(r.key()).isEqualTo(e.getPersonId());
                seen.add(e.getEventId());
            } else if (r.value() instanceof AccessCommand c) {
                assertThat(seen).contains(c.getCausationId());
                assertThat(r.key()).isEqualTo(c.getPersonId());
            } else if (r.value() instanceof AccessEvent e) {
                assertThat(seen).contains(e.getCausationId());
            } else if (r.value() instanceof EquipmentEvent e) {
                assertThat(seen).contains(e.getCorrelationId());
            }
        }
    }

    @Test
    void shouldMixTheFourInputsAsTheServicesWouldWriteThem() {
        List<ReplayRecord> history = SleReplay.history(feed(), NOW, 5);

        Map<String, Long> perTopic = SleReplay.perTopic(history);

        // roughly: per HR event a handful of commands, as many outcomes, and the equipment's steps
        long hr = perTopic.get(Topics.HR_LIFECYCLE_EVENTS.name());
        assertThat(hr).isGreaterThan(300);
        assertThat(perTopic.get(Topics.ACCESS_COMMANDS.name())).isBetween(3 * hr, 7 * hr);
        assertThat(perTopic.get(Topics.ACCESS_EVENTS.name())).isBetween(3 * hr, 8 * hr);
        assertThat(perTopic.get(Topics.EQUIPMENT_EVENTS.name())).isBetween(3 * hr, 10 * hr);
        // and each action's outcome carries the action id of its command
        Set<String> planned = new HashSet<>();
        history.stream().filter(r -> r.value() instanceof AccessCommand)
                .forEach(r -> planned.add(((AccessCommand) r.value()).getActionId()));
        long matched = history.stream().filter(r -> r.value() instanceof AccessEvent)
                .map(r -> ((AccessEvent) r.value()).getActionId()).filter(planned::contains).count();
        assertThat(matched).isGreaterThan(perTopic.get(Topics.ACCESS_EVENTS.name()) * 8 / 10);
    }
}
