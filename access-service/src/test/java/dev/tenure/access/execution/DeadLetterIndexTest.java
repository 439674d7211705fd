package dev.tenure.access.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.execution.DeadLetterIndex.CommandSummary;
import dev.tenure.access.execution.DeadLetterIndex.Letter;
import dev.tenure.access.execution.DeadLetterIndex.Replay;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLetterIndexTest {

    private static final CommandSummary COMMAND = new CommandSummary("P1", "DOR", "directory", "ENTITLEMENT_GRANTED",
            "ENSURE_MEMBERSHIP", "finance", "finance", "m-1/grant/finance", "hr-1", Instant.parse("2026-06-01T08:00:00Z"));
    private final DeadLetterIndex index = new DeadLetterIndex(value ->
            new String(value, StandardCharsets.UTF_8).equals("command") ? Optional.of(COMMAND) : Optional.empty());

    @Test
    void shouldListLettersInTopicOrderWithTheirReasons() {
        index.accept(1, 0, key(), bytes("command"), letterHeaders("no such group", "3"));
        index.accept(0, 10, key(), bytes("garbage"), letterHeaders("unreadable record: bad magic", "0"));
        index.accept(0, 2, key(), bytes("command"), letterHeaders("refused", "1"));

        assertThat(index.all()).extracting(Letter::id).containsExactly("0/2", "0/10", "1/0");
        Letter first = index.find(1, 0).orElseThrow();
        assertThat(first.reason()).isEqualTo("no such group");
        assertThat(first.attempts()).isEqualTo(3);
        assertThat(first.failedAt()).contains(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(first.sourceTopic()).isEqualTo("access-commands");
        assertThat(first.sourcePartition()).contains(4);
        assertThat(first.sourceOffset()).contains(77L);
        assertThat(first.command()).contains(COMMAND);
        assertThat(index.find(0, 10).orElseThrow().command()).isEmpty();
    }

    @Test
    void shouldRememberReplaysFromTheMarkersNextToTheLetters() {
        index.accept(2, 5, key(), bytes("command"), letterHeaders("no such group", "1"));
        index.accept(2, 6, key(), null, marker("2/5", "ops-anna", "group created"));

        Letter letter = index.find(2, 5).orElseThrow();
        assertThat(letter.replays()).singleElement().satisfies(r -> {
            assertThat(r.by()).isEqualTo("ops-anna");
            assertThat(r.reason()).isEqualTo("group created");
            assertThat(r.replayedTo()).isEqualTo("access-commands 4/80");
        });
        assertThat(index.all()).hasSize(1); // a marker is no letter
    }

    @Test
    void shouldCountAReplayOnceWhenItsOwnMarkerIsReadBack() {
        index.accept(2, 5, key(), bytes("command"), letterHeaders("no such group", "1"));
        index.replayed("2/5", new Replay(Instant.now(), "ops-anna", "group created", "access-commands 4/80"),
                Optional.of("2/6"));

        index.accept(2, 6, key(), null, marker("2/5", "ops-anna", "group created"));
        index.accept(2, 6, key(), null, marker("2/5", "ops-anna", "group created")); // read again after a restart

        assertThat(index.find(2, 5).orElseThrow().replays()).hasSize(1);
    }

    @Test
    void shouldNotCountTheSameLetterTwice() {
        index.accept(0, 1, key(), bytes("command"), letterHeaders("x", "1"));
        index.accept(0, 1, key(), bytes("command"), letterHeaders("x", "1"));
        assertThat(index.all()).hasSize(1);
    }

    private static Map<String, String> letterHeaders(String reason, String attempts) {
        Map<String, String> h = new HashMap<>();
        h.put(DeadLetterHeaders.REASON, reason);
        h.put(DeadLetterHeaders.ATTEMPTS, attempts);
        h.put(DeadLetterHeaders.FAILED_AT, "2026-07-01T10:00:00Z");
        h.put(DeadLetterHeaders.SOURCE_TOPIC, "access-commands");
        h.put(DeadLetterHeaders.SOURCE_PARTITION, "4");
        h.put(DeadLetterHeaders.SOURCE_OFFSET, "77");
        return h;
    }

    private static Map<String, String> marker(String of, String by, String reason) {
        return Map.of(DeadLetterHeaders.REPLAY_OF, of, DeadLetterHeaders.REPLAYED_BY, by,
                DeadLetterHeaders.REPLAY_REASON, reason, DeadLetterHeaders.REPLAYED_AT, "2026-07-02T09:00:00Z",
                DeadLetterHeaders.REPLAYED_TO, "access-commands 4/80");
    }

    private static byte[] key() {
        return bytes("P1");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
