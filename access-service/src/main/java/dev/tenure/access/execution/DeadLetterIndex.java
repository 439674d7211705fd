package dev.tenure.access.execution;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What is on the dead-letter topic, read from it: every letter with its reason and the command it holds, and every
 * replay of it (the markers written next to the letters), so the operator's list survives restarts and a letter is
 * not replayed twice by accident. Plain Java; the reader feeds it records in topic order. Thread-safe.
 */
public final class DeadLetterIndex {

    /** What the letter's command is about, when its value can still be read. */
    public record CommandSummary(String personId, String agency, String targetSystem, String step, String operation,
                                 String entitlement, String group, String actionId, String causationId,
                                 Instant dueAt) {
    }

    /** One replay of a letter: by whom, when, why, and where the command went. */
    public record Replay(Instant at, String by, String reason, String replayedTo) {
    }

    /** One dead letter, at {@code partition/offset} of the dead-letter topic. */
    public record Letter(int partition, long offset, byte[] key, byte[] value, String reason, Optional<Instant> failedAt,
                         int attempts, String sourceTopic, Optional<Integer> sourcePartition,
                         Optional<Long> sourceOffset, Optional<CommandSummary> command, List<Replay> replays) {

        public String id() {
            return partition + "/" + offset;
        }

        Letter withReplay(Replay replay) {
            List<Replay> all = new ArrayList<>(replays);
            all.add(replay);
            return new Letter(partition, offset, key, value, reason, failedAt, attempts, sourceTopic, sourcePartition,
                    sourceOffset, command, List.copyOf(all));
        }
    }

    private final Function<byte[], Optional<CommandSummary>> reader;
    private final Map<String, Letter> letters = new TreeMap<>(DeadLetterIndex::byPosition);
    /** Markers already counted, so reading one written by this instance again does not count it twice. */
    private final Set<String> markersSeen = new HashSet<>();

    /** @param reader the command in a letter's value, or empty when it cannot be read */
    public DeadLetterIndex(Function<byte[], Optional<CommandSummary>> reader) {
        this.reader = reader;
    }

    /** Takes one record of the dead-letter topic: a letter, or (without a value) a replay marker. */
    public synchronized void accept(int partition, long offset, byte[] key, byte[] value, Map<String, String> headers) {
        String replayOf = headers.get(DeadLetterHeaders.REPLAY_OF);
        if (replayOf != null) {
            if (markersSeen.add(partition + "/" + offset)) {
                recordReplay(replayOf, new Replay(instant(headers.get(DeadLetterHeaders.REPLAYED_AT)).orElse(null),
                        headers.get(DeadLetterHeaders.REPLAYED_BY), headers.get(DeadLetterHeaders.REPLAY_REASON),
                        headers.get(DeadLetterHeaders.REPLAYED_TO)));
            }
            return;
        }
        String id = partition + "/" + offset;
        if (letters.containsKey(id)) {
            return;
        }
        letters.put(id, new Letter(partition, offset, key, value,
                headers.getOrDefault(DeadLetterHeaders.REASON, "(no reason recorded)"),
                instant(headers.get(DeadLetterHeaders.FAILED_AT)), integer(headers.get(DeadLetterHeaders.ATTEMPTS))
                .orElse(0), headers.get(DeadLetterHeaders.SOURCE_TOPIC),
                integer(headers.get(DeadLetterHeaders.SOURCE_PARTITION)),
                longValue(headers.get(DeadLetterHeaders.SOURCE_OFFSET)),
                value == null ? Optional.empty() : reader.apply(value), List.of()));
    }

    /**
     * Records a replay this instance has just made; its marker, when read back, is recognised by its position
     * ({@code partition/offset}) and not counted again. Empty when no marker could be written.
     */
    public synchronized void replayed(String letterId, Replay replay, Optional<String> marker) {
        if (marker.isEmpty() || markersSeen.add(marker.get())) {
            recordReplay(letterId, replay);
        }
    }

    public synchronized Optional<Letter> find(int partition, long offset) {
        return Optional.ofNullable(letters.get(partition + "/" + offset));
    }

    /** All letters in topic order (partition, then offset). */
    public synchronized List<Letter> all() {
        return Collections.unmodifiableList(new ArrayList<>(letters.values()));
    }

    private void recordReplay(String letterId, Replay replay) {
        Letter letter = letters.get(letterId);
        if (letter != null) {
            letters.put(letterId, letter.withReplay(replay));
        }
    }

    private static int byPosition(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        int byPartition = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return byPartition != 0 ? byPartition : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    private static Optional<Instant> instant(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> longValue(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
