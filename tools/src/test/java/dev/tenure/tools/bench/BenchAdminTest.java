package dev.tenure.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BenchAdminTest {

    private static final TopicPartition P0 = new TopicPartition("hr-lifecycle-events", 0);
    private static final TopicPartition P1 = new TopicPartition("hr-lifecycle-events", 1);
    private static final TopicPartition P2 = new TopicPartition("hr-lifecycle-events", 2);
    private static final TopicPartition HOLDS = new TopicPartition("access-legal-holds", 0);

    @Test
    void shouldCountOnlyWhatWasCommittedBeyondTheBenchmarksStartOnItsTopic() {
        // Given the benchmark's events start at 100 / 0 / 40, and the group also reads the legal holds
        Map<TopicPartition, Long> start = Map.of(P0, 100L, P1, 0L, P2, 40L);
        Map<TopicPartition, Long> committed = Map.of(P0, 130L, P1, 7L, HOLDS, 500L);

        // Then partition 2 (nothing committed yet) and the holds topic count nothing
        assertThat(BenchAdmin.beyond(committed, start)).isEqualTo(37);
    }

    @Test
    void shouldNeverCountBackwards() {
        assertThat(BenchAdmin.beyond(Map.of(P0, 90L), Map.of(P0, 100L))).isZero();
    }
}
