package dev.tenure.access.execution;

import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.CommandContext;
import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.execution.MassChangeBrake.Admission;
import dev.tenure.access.execution.MassChangeBrake.HeldCommand;
import dev.tenure.access.streams.CommandRecords;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessStep;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * The executor's consumer loop over {@code access-commands}: each record, in order per partition (so per person),
 * carried out through the connector of its target, then reported on {@code access-events} — and, when it failed for
 * good, dead-lettered with the reason — before its offset is committed (at-least-once; connectors are idempotent, so a
 * redelivered command is reported ALREADY_SO, never done twice).
 *
 * <p>A command that fails in a way worth retrying holds its partition: the partition is paused and retried with
 * backoff while the loop keeps polling (the group membership stays alive and other partitions go on); nothing behind
 * it in that partition runs first. The mass-change brake pauses every partition until an operator releases it; the
 * brake's state is written into the committed offsets' metadata, so a restart does not release it.
 *
 * <p>Not thread-safe: one thread runs it ({@link #run()}); {@link #stop()} and {@link #status()} may be called from
 * any thread. Kafka clients are given, so tests drive it with Kafka's mock clients.
 */
public final class CommandExecutionLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(CommandExecutionLoop.class);
    static final String BRAKE_MARKER = "tenure.brake";
    private static final Duration BRAKE_REMINDER = Duration.ofMinutes(1);

    /** Where the loop reads and writes, and its timings. */
    public record Settings(String commandsTopic, String eventsTopic, String deadLetterTopic, Duration publishTimeout,
                           Duration idlePoll, Duration processingBudget, Duration commitTimeout) {
        public Settings {
            Objects.requireNonNull(commandsTopic, "commandsTopic");
            Objects.requireNonNull(eventsTopic, "eventsTopic");
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
            Objects.requireNonNull(publishTimeout, "publishTimeout");
            Objects.requireNonNull(idlePoll, "idlePoll");
            Objects.requireNonNull(processingBudget, "processingBudget");
            Objects.requireNonNull(commitTimeout, "commitTimeout");
        }
    }

    /** A command waiting for its next attempt, for the operator's view. */
    public record Waiting(int partition, long offset, String personId, String actionId, String targetSystem,
                          int attempts, Instant failingSince, Instant nextAttemptAt, String lastReason) {
    }

    /** What the loop is doing, as of its last turn. */
    public record Status(Set<Integer> partitions, List<Waiting> waiting, long executed, long failed,
                         long deadLettered, Instant asOf) {
    }

    private enum Step {
        /** the head record is finished; the next one may run */
        DONE,
        /** the head record waits for a retry; its partition is held */
        WAITING,
        /** the brake stopped it; nothing runs */
        HELD
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final CommandCodec codec;
    private final Map<String, Connector> connectors;
    private final MassChangeBrake brake;
    private final Backoff backoff;
    private final Outcomes outcomes;
    private final Clock eventClock;
    private final Clock timerClock;
    private final Settings settings;

    private final Map<TopicPartition, Lane> lanes = new LinkedHashMap<>();
    private volatile boolean running = true;
    private volatile Status status;
    /** Whether the committed offsets' metadata says the brake is engaged. */
    private boolean brakeMarked;
    private Instant nextBrakeReminder = Instant.MIN;
    private int rotation;
    private long executed;
    private long failed;
    private long deadLettered;

    /**
     * @param connectors by {@link Connector#targetSystem()}
     * @param eventClock the service's clock, for the times in outcome events and dead letters
     * @param timerClock real time, for retry delays (and budgets)
     */
    public CommandExecutionLoop(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                                CommandCodec codec, Map<String, Connector> connectors, MassChangeBrake brake,
                                Backoff backoff, Outcomes outcomes, Clock eventClock, Clock timerClock,
                                Settings settings) {
        this.consumer = consumer;
        this.producer = producer;
        this.codec = codec;
        this.connectors = Map.copyOf(connectors);
        this.brake = brake;
        this.backoff = backoff;
        this.outcomes = outcomes;
        this.eventClock = eventClock;
        this.timerClock = timerClock;
        this.settings = settings;
        this.status = new Status(Set.of(), List.of(), 0, 0, 0, timerClock.instant());
    }

    /** Runs until {@link #stop()}; closes the consumer (on this thread, as Kafka requires) when it ends. */
    @Override
    public void run() {
        try {
            subscribe();
            while (running) {
                runOnce();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            try {
                commitDone(lanes.keySet());
            } catch (RuntimeException e) {
                LOG.warnf("could not commit the last offsets on the way out (they are redelivered): %s", e.toString());
            }
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Asks the loop to finish the record in hand and stop; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    public Status status() {
        return status;
    }

    void subscribe() {
        consumer.subscribe(List.of(settings.commandsTopic()), new Rebalance());
    }

    /** One turn: poll, carry out what is ready, commit what is finished, pause what must wait. */
    void runOnce() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
        for (TopicPartition tp : records.partitions()) {
            Lane lane = lanes.computeIfAbsent(tp, Lane::new);
            lane.buffer.addAll(records.records(tp));
        }
        if (brake.engaged()) {
            remindOfBrake();
        } else {
            process();
        }
        commitDone(lanes.keySet());
        updatePauses();
        publishStatus();
    }

    // ---- carrying out

    private void process() {
        Instant deadline = timerClock.instant().plus(settings.processingBudget());
        if (!disablesFirst(deadline)) {
            return;
        }
        List<Lane> order = new ArrayList<>(lanes.values());
        if (!order.isEmpty()) {
            Collections.rotate(order, rotation++ % order.size());
        }
        for (Lane lane : order) {
            while (running && !lane.buffer.isEmpty()) {
                Step step = advance(lane);
                if (step == Step.HELD) {
                    return;
                }
                if (step == Step.WAITING) {
                    break;
                }
                if (!timerClock.instant().isBefore(deadline)) {
                    return; // back to poll: the group must hear from us, and other partitions get their turn
                }
            }
        }
    }

    /**
     * First, across partitions, every account disable that is at the head of its partition (and the next, while
     * they are; the identity provider's MFA revocation and logout count with them): a thousand cut-offs at one instant
     * then lose their sign-in before any partition spends its turn on group clean-up. Order within each partition is untouched. False when the turn must end (brake, budget).
     */
    private boolean disablesFirst(Instant deadline) {
        boolean progressed = true;
        while (progressed && running) {
            progressed = false;
            for (Lane lane : lanes.values()) {
                if (lane.buffer.isEmpty() || !headIsDisable(lane)) {
                    continue;
                }
                Step step = advance(lane);
                if (step == Step.HELD || !timerClock.instant().isBefore(deadline)) {
                    return false;
                }
                progressed |= step == Step.DONE;
            }
        }
        return true;
    }

    private boolean headIsDisable(Lane lane) {
        if (lane.head == null || lane.head.command == null) {
            try {
                AccessCommand command = codec.readCommand(settings.commandsTopic(), lane.buffer.peekFirst().value());
                if (lane.head == null) {
                    lane.head = new Head();
                }
                lane.head.command = command;
            } catch (RuntimeException e) {
                return false; // decide() reads it again and deals with it in the partition's turn
            }
        }
        AccessStep step = lane.head.command.getStep();
        return step == AccessStep.ACCOUNT_DISABLED || step == AccessStep.MFA_REVOKED
                || step == AccessStep.SESSIONS_REVOKED;
    }

    private Step advance(Lane lane) {
        ConsumerRecord<byte[], byte[]> record = lane.buffer.peekFirst();
        if (lane.head == null) {
            lane.head = new Head();
        }
        Head head = lane.head;
        Instant now = timerClock.instant();
        if (head.notBefore != null && now.isBefore(head.notBefore)) {
            return Step.WAITING;
        }
        if (head.publication == null) {
            // After a crash the uncommitted run is carried out again, in order. It must not hold two changes of one
            // person: the older would re-apply a state the newer had replaced (a mover's old groups, a cut-off
            // account enabled again) until the newer came round. So a person's change is committed before their next.
            if (lane.changedSinceCommit.contains(personOf(record))) {
                commitDone(List.of(lane.tp));
            }
            Step undecided = decide(record, head, now);
            if (undecided != null) {
                return undecided;
            }
        }
        return publish(lane, record, head);
    }

    /** Works out the head's outcome into {@code head.publication}; or answers why it cannot yet. */
    private Step decide(ConsumerRecord<byte[], byte[]> record, Head head, Instant now) {
        if (head.command == null) {
            try {
                head.command = codec.readCommand(settings.commandsTopic(), record.value());
            } catch (CommandCodec.TransientReadException e) {
                Step waiting = retryLater(record, head, now, "cannot read the record yet: " + e.getMessage(),
                        Duration.ZERO);
                if (waiting != null) {
                    return waiting;
                }
                head.publication = deadLetterOnly(record, giveUpReason(head, now, "cannot read the record: "
                        + e.getMessage()), head);
                return null;
            } catch (RuntimeException e) {
                head.publication = deadLetterOnly(record, "unreadable record: " + e.getMessage(), head);
                return null;
            }
            head.firstFailureAt = null;
            head.failures = 0;
        }
        if (head.change == null) {
            try {
                head.change = CommandRecords.toCommand(head.command);
            } catch (IllegalArgumentException | NullPointerException e) {
                head.publication = failed(record, head, "invalid command: " + e.getMessage());
                return null;
            }
        }
        AccessCommand command = head.command;
        if (!head.admitted) {
            String step = command.getStep() == null ? "UNKNOWN" : command.getStep().name();
            HeldCommand candidate = new HeldCommand(command.getPersonId(), command.getActionId(),
                    command.getTargetSystem(), step, record.partition(), record.offset());
            if (brake.admit(command.getTargetSystem(), step, candidate) == Admission.HOLD) {
                nextBrakeReminder = Instant.MIN;
                remindOfBrake();
                return Step.HELD;
            }
            head.admitted = true;
        }
        Connector connector = connectors.get(command.getTargetSystem());
        if (connector == null) {
            head.publication = failed(record, head, "no connector for target " + command.getTargetSystem());
            return null;
        }
        head.attempts++;
        try {
            ChangeResult result = connector.apply(context(command), head.change);
            Instant at = eventClock.instant();
            AccessEvent outcome = switch (result.kind()) {
                case CHANGED -> outcomes.done(command, at, at);
                case ALREADY_SO -> outcomes.alreadySo(command, at, at);
                case WAITING_FOR_HUMAN -> outcomes.waitingForHuman(command, result.detail(), at, at);
            };
            head.publication = new Publication(outcome, null);
            LOG.debugf("%s %s for %s in %s: %s", command.getActionId(), result.kind(), command.getPersonId(),
                    command.getTargetSystem(), result.detail());
            return null;
        } catch (ConnectorException e) {
            String reason = String.valueOf(e.getMessage());
            if (e.retryable()) {
                Step waiting = retryLater(record, head, now, reason, e.retryAfter().orElse(Duration.ZERO));
                if (waiting != null) {
                    return waiting;
                }
                reason = giveUpReason(head, now, reason);
            }
            head.publication = failed(record, head, reason);
            return null;
        } catch (RuntimeException e) {
            LOG.errorf(e, "connector %s failed unexpectedly on %s", command.getTargetSystem(), command.getActionId());
            head.publication = failed(record, head, "the " + command.getTargetSystem() + " connector failed: " + e);
            return null;
        }
    }

    /** Schedules another attempt and answers WAITING; or null when the retries are exhausted. */
    private Step retryLater(ConsumerRecord<byte[], byte[]> record, Head head, Instant now, String reason,
                            Duration targetAskedFor) {
        if (head.firstFailureAt == null) {
            head.firstFailureAt = now;
        }
        head.failures++;
        head.lastReason = reason;
        if (backoff.exhausted(Duration.between(head.firstFailureAt, now))) {
            return null;
        }
        Duration backedOff = backoff.delayBefore(head.failures);
        Duration delay = targetAskedFor.compareTo(backedOff) > 0 ? targetAskedFor : backedOff; // Retry-After
        head.notBefore = now.plus(delay);
        if (head.failures == 1) {
            LOG.warnf("access-commands %d/%d (%s) failed, will retry (partition %d held): %s", record.partition(),
                    record.offset(), actionOf(head), record.partition(), reason);
        } else {
            LOG.infof("access-commands %d/%d (%s) failed again (%d failures since %s), next attempt in %d ms: %s",
                    record.partition(), record.offset(), actionOf(head), head.failures, head.firstFailureAt,
                    delay.toMillis(), reason);
        }
        return Step.WAITING;
    }

    private String giveUpReason(Head head, Instant now, String reason) {
        return "gave up after " + head.failures + " failed attempts in "
                + Duration.between(head.firstFailureAt, now).withNanos(0) + ": " + reason;
    }

    private Publication failed(ConsumerRecord<byte[], byte[]> record, Head head, String reason) {
        Instant at = eventClock.instant();
        LOG.warnf("access-commands %d/%d (%s) failed for good, dead-lettered: %s", record.partition(), record.offset(),
                actionOf(head), reason);
        return new Publication(outcomes.failed(head.command, reason, at, at), deadLetter(record, reason, head, at));
    }

    /** A record that is no command at all: no one to report it about, so it is dead-lettered only. */
    private Publication deadLetterOnly(ConsumerRecord<byte[], byte[]> record, String reason, Head head) {
        LOG.warnf("access-commands %d/%d cannot be read, dead-lettered: %s", record.partition(), record.offset(),
                reason);
        return new Publication(null, deadLetter(record, reason, head, eventClock.instant()));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, String reason, Head head,
                                                      Instant at) {
        RecordHeaders headers = new RecordHeaders();
        for (Header original : record.headers()) {
            if (!original.key().startsWith("tenure.dlq.")) {
                headers.add(original);
            }
        }
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        headers.add(DeadLetterHeaders.FAILED_AT, utf8(at.toString()));
        headers.add(DeadLetterHeaders.ATTEMPTS, utf8(Integer.toString(head.attempts)));
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        return new ProducerRecord<>(settings.deadLetterTopic(), null, record.key(), record.value(), headers);
    }

    /** Sends what is not yet acknowledged and waits for the broker; finishes the record when all is. */
    private Step publish(Lane lane, ConsumerRecord<byte[], byte[]> record, Head head) {
        Publication p = head.publication;
        try {
            if (p.outcome != null && p.outcomeRecord == null) {
                p.outcomeRecord = new ProducerRecord<>(settings.eventsTopic(), utf8(p.outcome.getPersonId()),
                        codec.writeOutcome(settings.eventsTopic(), p.outcome));
            }
            Future<RecordMetadata> letter = p.letter != null && !p.letterAcked ? producer.send(p.letter) : null;
            Future<RecordMetadata> outcome = p.outcomeRecord != null && !p.outcomeAcked
                    ? producer.send(p.outcomeRecord) : null;
            String failure = null;
            if (letter != null) {
                failure = await(letter);
                p.letterAcked = failure == null;
            }
            if (outcome != null) {
                String outcomeFailure = await(outcome);
                p.outcomeAcked = outcomeFailure == null;
                failure = failure == null ? outcomeFailure : failure;
            }
            if (failure != null) {
                return publishLater(record, head, failure);
            }
        } catch (RuntimeException e) {
            return publishLater(record, head, e.toString());
        }
        if (p.outcome != null) {
            executed++;
            if (p.letter != null) {
                failed++;
            }
        }
        if (p.letter != null) {
            deadLettered++;
        }
        lane.finish(record.offset() + 1);
        lane.changedSinceCommit.add(personOf(record));
        return Step.DONE;
    }

    private Step publishLater(ConsumerRecord<byte[], byte[]> record, Head head, String failure) {
        head.publishFailures++;
        Duration delay = backoff.delayBefore(head.publishFailures);
        head.notBefore = timerClock.instant().plus(delay);
        LOG.warnf("the outcome of access-commands %d/%d (%s) is not acknowledged (%s); sending again in %d ms, "
                + "the partition waits", record.partition(), record.offset(), actionOf(head), failure, delay.toMillis());
        return Step.WAITING;
    }

    private String await(Future<RecordMetadata> sent) {
        try {
            sent.get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (TimeoutException e) {
            return "no acknowledgement within " + settings.publishTimeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ---- offsets, pauses, brake

    private void commitDone(Collection<TopicPartition> partitions) {
        boolean engaged = brake.engaged();
        boolean remark = engaged != brakeMarked;
        String metadata = engaged ? brakeMarker() : "";
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            Lane lane = lanes.get(tp);
            if (lane != null && (lane.commitPending || remark)) {
                OptionalOffset next = nextOffset(lane);
                if (next.known) {
                    offsets.put(tp, new OffsetAndMetadata(next.offset, metadata));
                }
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, settings.commitTimeout());
            offsets.keySet().forEach(tp -> {
                lanes.get(tp).commitPending = false;
                lanes.get(tp).changedSinceCommit.clear();
            });
            if (remark && offsets.keySet().containsAll(lanes.keySet())) {
                brakeMarked = engaged;
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Retried on the next turn; if the partitions moved meanwhile, their new owner redelivers (ALREADY_SO).
            LOG.warnf("committing %s failed, will try again: %s", offsets.keySet(), e.toString());
        }
    }

    /** The offset to commit for a lane: its next unfinished record. */
    private OptionalOffset nextOffset(Lane lane) {
        if (!lane.buffer.isEmpty()) {
            return new OptionalOffset(true, lane.buffer.peekFirst().offset());
        }
        if (lane.done >= 0) {
            return new OptionalOffset(true, lane.done);
        }
        try {
            return new OptionalOffset(true, consumer.position(lane.tp, settings.commitTimeout()));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            return new OptionalOffset(false, -1);
        }
    }

    private record OptionalOffset(boolean known, long offset) {
    }

    private void updatePauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        Set<TopicPartition> hold = new HashSet<>();
        boolean engaged = brake.engaged();
        for (TopicPartition tp : assigned) {
            Lane lane = lanes.get(tp);
            // a partition with records in hand fetches no more until they are done: bounded memory, and its order kept
            if (engaged || (lane != null && !lane.buffer.isEmpty())) {
                hold.add(tp);
            }
        }
        Set<TopicPartition> paused = consumer.paused();
        Set<TopicPartition> toPause = new HashSet<>(hold);
        toPause.removeAll(paused);
        Set<TopicPartition> toResume = new HashSet<>(paused);
        toResume.removeAll(hold);
        toResume.retainAll(assigned);
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
    }

    private Duration pollTimeout() {
        if (brake.engaged()) {
            return settings.idlePoll();
        }
        Instant now = timerClock.instant();
        Instant earliest = null;
        for (Lane lane : lanes.values()) {
            if (lane.buffer.isEmpty()) {
                continue;
            }
            Instant notBefore = lane.head == null ? null : lane.head.notBefore;
            if (notBefore == null || !now.isBefore(notBefore)) {
                return Duration.ZERO;
            }
            earliest = earliest == null || notBefore.isBefore(earliest) ? notBefore : earliest;
        }
        if (earliest == null) {
            return settings.idlePoll();
        }
        Duration untilDue = Duration.between(now, earliest);
        return untilDue.compareTo(settings.idlePoll()) < 0 ? untilDue : settings.idlePoll();
    }

    private void remindOfBrake() {
        Instant now = timerClock.instant();
        if (now.isBefore(nextBrakeReminder)) {
            return;
        }
        nextBrakeReminder = now.plus(BRAKE_REMINDER);
        MassChangeBrake.Snapshot s = brake.snapshot();
        LOG.errorf("MASS-CHANGE BRAKE ENGAGED since %s: %s. Execution of access-commands is paused, nothing is "
                        + "dropped; an operator must review and POST /api/v1/brake/release.%s",
                s.engagedSince().map(Instant::toString).orElse("?"), s.engagedReason().orElse("?"),
                s.held().map(h -> " Held: " + h.step() + " " + h.actionId() + " (access-commands " + h.partition()
                        + "/" + h.offset() + ").").orElse(""));
    }

    private String brakeMarker() {
        MassChangeBrake.Snapshot s = brake.snapshot();
        String reason = s.engagedReason().orElse("").replace('|', '/');
        String marker = BRAKE_MARKER + "|" + s.engagedSince().map(Instant::toString).orElse("") + "|"
                + s.engagedTarget().orElse("") + "|" + reason;
        return marker.length() > 1000 ? marker.substring(0, 1000) : marker;
    }

    /** Engages the brake if any of {@code partitions} was committed with it engaged (before a restart). */
    private void restoreBrake(Collection<TopicPartition> partitions) {
        if (brake.engaged() || partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = consumer.committed(new HashSet<>(partitions), settings.commitTimeout());
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("could not read the committed offsets of %s to see whether the brake was engaged: %s",
                    partitions, e.toString());
            return;
        }
        restoreBrake(brake, committed, eventClock);
    }

    /**
     * Engages {@code brake} if any of the {@code committed} offsets carries the brake's marker (the executor wrote it
     * when the brake engaged, and clears it on release); answers whether it did. Also used at start-up, before the
     * partitions are assigned, so the API shows the brake engaged from the first moment.
     */
    static boolean restoreBrake(MassChangeBrake brake, Map<TopicPartition, OffsetAndMetadata> committed, Clock clock) {
        if (brake.engaged()) {
            return false;
        }
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            Optional<String[]> marker = Optional.ofNullable(entry.getValue()).map(OffsetAndMetadata::metadata)
                    .filter(m -> m.startsWith(BRAKE_MARKER + "|")).map(m -> m.split("\\|", 4));
            if (marker.isPresent() && marker.get().length == 4) {
                String[] parts = marker.get();
                Instant since = parts[1].isEmpty() ? clock.instant() : Instant.parse(parts[1]);
                String reason = parts[3].replaceAll(" \\(restored from the committed offsets of [^)]*\\)$", "");
                brake.restoreEngaged(parts[2], since, reason + " (restored from the committed offsets of "
                        + entry.getKey() + ")");
                LOG.errorf("the mass-change brake was engaged when %s was last committed (since %s: %s); it stays "
                        + "engaged until an operator releases it", entry.getKey(), since, reason);
                return true;
            }
        }
        return false;
    }

    private void publishStatus() {
        List<Waiting> waiting = new ArrayList<>();
        Instant now = timerClock.instant();
        for (Lane lane : lanes.values()) {
            Head head = lane.head;
            if (head != null && head.notBefore != null && now.isBefore(head.notBefore) && !lane.buffer.isEmpty()) {
                ConsumerRecord<byte[], byte[]> record = lane.buffer.peekFirst();
                AccessCommand c = head.command;
                waiting.add(new Waiting(record.partition(), record.offset(), c == null ? null : c.getPersonId(),
                        c == null ? null : c.getActionId(), c == null ? null : c.getTargetSystem(), head.attempts,
                        head.firstFailureAt, head.notBefore, head.lastReason));
            }
        }
        Set<Integer> partitions = new HashSet<>();
        lanes.keySet().forEach(tp -> partitions.add(tp.partition()));
        status = new Status(Set.copyOf(partitions), List.copyOf(waiting), executed, failed, deadLettered, now);
    }

    private static CommandContext context(AccessCommand c) {
        return new CommandContext(c.getActionId(), c.getCausationId(), c.getCorrelationId(), c.getPersonId(),
                c.getAgency(), c.getTargetSystem(), c.getEntitlement(), c.getStep() == null ? null : c.getStep().name(),
                c.getDueAt());
    }

    private static String personOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String actionOf(Head head) {
        return head.command == null ? "unread" : head.command.getActionId();
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitDone(partitions);
            partitions.forEach(lanes::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> lanes.computeIfAbsent(tp, Lane::new));
            restoreBrake(partitions);
            if (brake.engaged()) {
                brakeMarked = false; // the new partitions carry the brake too
            }
            LOG.infof("executing access-commands partitions %s", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(lanes::remove);
        }
    }

    /** One partition: the records fetched and not yet finished, in order, and the state of the first. */
    private static final class Lane {
        final TopicPartition tp;
        final Deque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
        Head head;
        long done = -1;
        boolean commitPending;
        /** Whose commands (record keys) were finished since the last commit of this partition. */
        final Set<String> changedSinceCommit = new HashSet<>();

        Lane(TopicPartition tp) {
            this.tp = tp;
        }

        void finish(long next) {
            buffer.removeFirst();
            head = null;
            done = next;
            commitPending = true;
        }
    }

    /** The first unfinished record of a lane: what is known of it and where it stands. */
    private static final class Head {
        AccessCommand command;
        dev.tenure.access.connector.AccessCommand change;
        boolean admitted;
        int attempts;
        int failures;
        Instant firstFailureAt;
        String lastReason;
        Instant notBefore;
        Publication publication;
        int publishFailures;
    }

    /** What must reach the broker before the record counts as finished: its outcome and/or its dead letter. */
    private static final class Publication {
        final AccessEvent outcome;
        final ProducerRecord<byte[], byte[]> letter;
        ProducerRecord<byte[], byte[]> outcomeRecord;
        boolean outcomeAcked;
        boolean letterAcked;

        Publication(AccessEvent outcome, ProducerRecord<byte[], byte[]> letter) {
            this.outcome = outcome;
            this.letter = letter;
        }
    }
}
