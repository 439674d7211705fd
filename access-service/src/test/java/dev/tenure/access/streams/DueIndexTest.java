package dev.tenure.access.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueIndexTest {

    @Test
    void shouldPadTheDueTimeSoThatKeyOrderIsTimeOrder() {
        Instant due = Instant.parse("2026-12-05T17:00:00Z");

        assertThat(DueIndex.key(due, "P-1")).isEqualTo(String.format("%015d", due.toEpochMilli()) + "|P-1");
        assertThat(DueIndex.key(Instant.ofEpochMilli(999), "P-1")).isEqualTo("000000000000999|P-1");
        assertThat(DueIndex.key(Instant.ofEpochMilli(999), "P-1")).isLessThan(DueIndex.key(Instant.ofEpochMilli(1000), "P-0"));
        assertThat(DueIndex.first()).isEqualTo("000000000000000|");
        assertThat(DueIndex.personOf(DueIndex.key(due, "P-1"))).isEqualTo("P-1");
    }

    @Test
    void shouldRangeOverEverythingDueByAnInstantAndNothingLater() {
        Instant now = Instant.parse("2026-12-05T17:00:00Z");

        assertThat(DueIndex.key(now, "zzz")).isLessThan(DueIndex.lastDueBy(now));
        assertThat(DueIndex.key(now.plusMillis(1), "0")).isGreaterThan(DueIndex.lastDueBy(now));
        assertThat(DueIndex.key(Instant.parse("1960-01-01T00:00:00Z"), "P")).isGreaterThanOrEqualTo(DueIndex.first());
    }
}
