package dev.tenure.access.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.CommandContext;
import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.ConnectorHealth;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessGroupKind;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.access.AccountAttributes;
import dev.tenure.testkit.MovableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor's loop with Kafka's mock clients and an in-memory connector: ordering, retries, outcomes, dead letters,
 * commits and the brake, with time moved by hand. The real broker and directory are in {@code ExecutionIT}.
 */
class CommandExecutionLoopTest {

    static final String COMMANDS = "access-commands";
    static final String EVENTS = "access-events";
    static final String DLQ = "access-service-access-commands-dlq";
    static final TopicPartition P0 = new TopicPartition(COMMANDS, 0);
    static final TopicPartition P1 = new TopicPartition(COMMANDS, 1);
    static final Instant DUE = Instant.parse("2026-06-30T17:00:00Z");

    private final MovableClock timer = new MovableClock(Instant.parse("2026-07-01T00:00:00Z"));
    private final MovableClock serviceClock = new MovableClock(Instant.parse("2026-06-30T17:00:05Z"));
    private final RecordingConsumer consumer = new RecordingConsumer();
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final InMemoryConnector directory = new InMemoryConnector("directory");
    private final TestCodec codec = new TestCodec();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    private MassChangeBrake brake = new MassChangeBrake(3, Duration.ofMinutes(5),
            Set.of("ACCOUNT_DISABLED", "ACCOUNT_DELETED"), timer);
    private Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(15),
            () -> 0.0); // no jitter: delays of 100, 200, 400 ... ms
    private CommandExecutionLoop loop;
    /** The contexts the manual target was given; it answers every command "waiting for a person". */
    private final List<CommandContext> manualContexts = new ArrayList<>();
    private final Connector manual = new Connector() {
        @Override
        public String targetSystem() {
            return "manual:payroll";
        }

        @Override
        public ConnectorHealth test() {
            return ConnectorHealth.up("test");
        }

        @Override
        public ChangeResult apply(dev.tenure.access.connector.AccessCommand command) throws ConnectorException {
            throw ConnectorException.permanent("needs the context", null);
        }

        @Override
        public ChangeResult apply(CommandContext context, dev.tenure.access.connector.AccessCommand command) {
            manualContexts.add(context);
            return ChangeResult.waitingForHuman("task " + context.actionId() + " in queue payroll");
        }
    };

    @BeforeEach
    void start() {
        loop = newLoop(consumer);
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.rebalance(List.of(P0, P1));
    }

    private CommandExecutionLoop newLoop(MockConsumer<byte[], byte[]> c) {
        CommandExecutionLoop l = new CommandExecutionLoop(c, producer, codec, Map.of("directory", directory, "manual:payroll", manual), brake,
                backoff, new Outcomes(() -> new UUID(0, ids.incrementAndGet())), serviceClock, timer,
                new CommandExecutionLoop.Settings(COMMANDS, EVENTS, DLQ, Duration.ofSeconds(1), Duration.ofMillis(10),
                        Duration.ofSeconds(5), Duration.ofSeconds(1)));
        l.subscribe();
        return l;
    }

    @Test
    void shouldReportDoneThenAlreadySoWhenTheSameCommandComesTwice() {
        AccessCommand create = ensureAccount("P1", true);
        send(P0, create);
        send(P0, create);

        loop.runOnce();

        List<AccessEvent> events = events();
        assertThat(events).extracting(AccessEvent::getOutcome).containsExactly(AccessOutcome.DONE, AccessOutcome.ALREADY_SO);
        assertThat(directory.attempts).containsExactly("P1 EnsureAccount", "P1 EnsureAccount");
        assertThat(committed(P0)).isEqualTo(2);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void shouldCommitAPersonsChangeBeforeMakingTheirNextSoACrashNeverReplaysPastIt() {
        send(P0, ensureAccount("P1", true));
        send(P0, ensureAccount("P2", true));
        send(P0, setEnabled("P1", false, AccessStep.ACCOUNT_DISABLED));

        loop.runOnce();

        // P1's first change was committed (P2's with it) before P1's second was made; the turn's end commits that
        assertThat(consumer.commits).extracting(c -> c.get(P0)).filteredOn(java.util.Objects::nonNull)
                .extracting(OffsetAndMetadata::offset).containsExactly(2L, 3L);
        assertThat(directory.attempts).containsExactly("P1 EnsureAccount", "P2 EnsureAccount",
                "P1 SetAccountEnabled");
    }

    @Test
    void shouldDisableAccountsAtTheHeadOfEveryPartitionBeforeAnyPartitionGoesOnWithOtherChanges() {
        send(P0, setEnabled("P1", false, AccessStep.ACCOUNT_DISABLED));
        send(P0, membership("P1", "vpn-users"));
        send(P1, setEnabled("P2", false, AccessStep.ACCOUNT_DISABLED));
        send(P1, membership("P2", "vpn-users"));

        loop.runOnce();

        // both disables first, whichever partition's turn comes first; each partition's own order kept
        assertThat(directory.attempts.subList(0, 2)).containsExactlyInAnyOrder("P1 SetAccountEnabled",
                "P2 SetAccountEnabled");
        assertThat(directory.attempts).hasSize(4);
        assertThat(committed(P0)).isEqualTo(2);
        assertThat(committed(P1)).isEqualTo(2);
    }

    @Test
    void shouldCountTheIdentityProvidersMfaAndSessionCutsWithTheDisables() {
        send(P0, setEnabled("P1", false, AccessStep.ACCOUNT_DISABLED));
        send(P0, base("P1", "mfa", AccessStep.MFA_REVOKED).setOperation(AccessOperation.REVOKE_MFA).build());
        send(P0, membership("P1", "vpn-users"));
        send(P1, setEnabled("P2", false, AccessStep.ACCOUNT_DISABLED));
        send(P1, membership("P2", "vpn-users"));

        loop.runOnce();

        // P1's MFA revocation runs with the disables, before either partition's group change
        assertThat(directory.attempts.subList(0, 3)).containsExactlyInAnyOrder("P1 SetAccountEnabled",
                "P2 SetAccountEnabled", "P1 RevokeMfa");
        assertThat(directory.attempts).hasSize(5);
    }

    @Test
    void shouldReportAChangeLeftToAPersonAsAnOpenedManualTaskWaitingForThem() {
        AccessCommand revoke = AccessCommand.newBuilder(membership("P3", "Legacy Payroll"))
                .setTargetSystem("manual:payroll").setStep(AccessStep.ENTITLEMENT_REVOKED).build();
        send(P0, revoke);

        loop.runOnce();

        assertThat(manualContexts).singleElement().satisfies(c -> {
            assertThat(c.actionId()).isEqualTo(revoke.getActionId());
            assertThat(c.causationId()).isEqualTo(revoke.getCausationId());
            assertThat(c.correlationId()).isEqualTo(revoke.getCorrelationId());
            assertThat(c.step()).isEqualTo("ENTITLEMENT_REVOKED");
            assertThat(c.dueAt()).isEqualTo(revoke.getDueAt());
        });
        AccessEvent waiting = events().get(0);
        assertThat(waiting.getAction()).isEqualTo(AccessAction.MANUAL_TASK_OPENED);
        assertThat(waiting.getOutcome()).isEqualTo(AccessOutcome.WAITING_FOR_HUMAN);
        assertThat(waiting.getReason()).isEqualTo("task " + revoke.getActionId() + " in queue payroll");
        assertThat(waiting.getActionId()).isEqualTo(revoke.getActionId());
        assertThat(committed(P0)).isEqualTo(1);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void shouldCarryTheCommandsIdentityIntoTheOutcome() {
        AccessCommand grant = membership("P7", "vpn-users");
        send(P0, grant);

        loop.runOnce();

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(EVENTS);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("P7");
        AccessEvent event = events().get(0);
        assertThat(event.getEventId()).isEqualTo(new UUID(0, 1).toString());
        assertThat(event.getOccurredAt()).isEqualTo(serviceClock.instant());
        assertThat(event.getEffectiveAt()).isEqualTo(serviceClock.instant());
        assertThat(event.getCausationId()).isEqualTo("hr-event-P7");
        assertThat(event.getCorrelationId()).isEqualTo("case-P7");
        assertThat(event.getSource()).isEqualTo("access-service");
        assertThat(event.getActor()).isEqualTo("access-service");
        assertThat(event.getPersonId()).isEqualTo("P7");
        assertThat(event.getAgency()).isEqualTo("DOR");
        assertThat(event.getTargetSystem()).isEqualTo("directory");
        assertThat(event.getEntitlement()).isEqualTo("vpn-users");
        assertThat(event.getAction()).isEqualTo(AccessAction.ENTITLEMENT_GRANTED);
        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.DONE);
        assertThat(event.getReason()).isNull();
        assertThat(event.getActionId()).isEqualTo(grant.getActionId());
        assertThat(event.getDueAt()).isEqualTo(DUE);
    }

    @Test
    void shouldWaitAtLeastAsLongAsTheTargetsRetryAfterBeforeTheNextAttempt() {
        directory.failNext("P1", ConnectorException.retryableAfter("HTTP 429 Too Many Requests",
                Duration.ofSeconds(3), null));
        send(P0, ensureAccount("P1", false));

        loop.runOnce();
        assertThat(loop.status().waiting()).singleElement()
                .satisfies(w -> assertThat(w.nextAttemptAt()).isEqualTo(timer.instant().plusSeconds(3)));

        timer.advance(Duration.ofMillis(2999)); // the backoff alone would have retried after 100 ms
        loop.runOnce();
        assertThat(directory.attempts).containsExactly("P1 EnsureAccount");

        timer.advance(Duration.ofMillis(1));
        loop.runOnce();
        assertThat(directory.attempts).containsExactly("P1 EnsureAccount", "P1 EnsureAccount");
        assertThat(events()).extracting(AccessEvent::getOutcome).containsExactly(AccessOutcome.DONE);
    }

    @Test
    void shouldRetryWithBackoffHoldingOnlyThePartitionOfTheFailedCommand() {
        directory.failNext("P1", ConnectorException.retryable("LDAP server busy", null),
                ConnectorException.retryable("LDAP server busy", null));
        send(P0, ensureAccount("P1", false));
        send(P0, setEnabled("P1", true, AccessStep.ACCOUNT_ENABLED)); // must not run before the account exists
        send(P1, ensureAccount("P2", true));

        loop.runOnce();

        assertThat(directory.attempts).containsExactly("P1 EnsureAccount", "P2 EnsureAccount");
        assertThat(consumer.paused()).contains(P0);
        assertThat(committed(P1)).isEqualTo(1);
        assertThat(committedOrNull(P0)).isNull();
        assertThat(loop.status().waiting()).singleElement().satisfies(w -> {
            assertThat(w.personId()).isEqualTo("P1");
            assertThat(w.attempts()).isEqualTo(1);
            assertThat(w.lastReason()).isEqualTo("LDAP server busy");
            assertThat(w.nextAttemptAt()).isEqualTo(timer.instant().plusMillis(100));
        });

        timer.advance(Duration.ofMillis(99));
        loop.runOnce();
        assertThat(directory.attempts).hasSize(2); // not yet

        timer.advance(Duration.ofMillis(1));
        loop.runOnce();
        assertThat(directory.attempts).hasSize(3); // second failure: next in 200 ms

        timer.advance(Duration.ofMillis(199));
        loop.runOnce();
        assertThat(directory.attempts).hasSize(3);

        timer.advance(Duration.ofMillis(1));
        loop.runOnce();

        assertThat(directory.attempts).containsExactly("P1 EnsureAccount", "P2 EnsureAccount", "P1 EnsureAccount",
                "P1 EnsureAccount", "P1 SetAccountEnabled");
        assertThat(directory.enabled("P1")).isTrue();
        assertThat(events()).extracting(AccessEvent::getPersonId, AccessEvent::getOutcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("P2", AccessOutcome.DONE),
                org.assertj.core.groups.Tuple.tuple("P1", AccessOutcome.DONE),
                org.assertj.core.groups.Tuple.tuple("P1", AccessOutcome.DONE));
        assertThat(committed(P0)).isEqualTo(2);
        assertThat(loop.status().waiting()).isEmpty();
        loop.runOnce();
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void shouldFailAndDeadLetterAPermanentFailureThenGoOn() {
        directory.failNext("P1", ConnectorException.permanent("no such group: finance-approvers", null));
        AccessCommand grant = membership("P1", "finance-approvers");
        byte[] value = send(P0, grant);
        send(P0, ensureAccount("P1", true));

        loop.runOnce();

        assertThat(events()).extracting(AccessEvent::getOutcome).containsExactly(AccessOutcome.FAILED, AccessOutcome.DONE);
        AccessEvent failed = events().get(0);
        assertThat(failed.getReason()).isEqualTo("no such group: finance-approvers");
        assertThat(failed.getActionId()).isEqualTo(grant.getActionId());
        List<ProducerRecord<byte[], byte[]>> letters = deadLetters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(value);
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("P1");
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("no such group: finance-approvers");
            assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
            assertThat(header(letter, DeadLetterHeaders.FAILED_AT)).isEqualTo(serviceClock.instant().toString());
            assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(COMMANDS);
            assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        });
        assertThat(committed(P0)).isEqualTo(2);
    }

    @Test
    void shouldGiveUpOnATransientFailureAfterTheLimit() {
        backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(2), () -> 0.0);
        start();
        directory.unreachableFor("P1");
        send(P0, setEnabled("P1", false, AccessStep.ACCOUNT_DISABLED));

        for (int i = 0; i < 20 && events().isEmpty(); i++) {
            loop.runOnce();
            timer.advance(Duration.ofMillis(500));
        }

        AccessEvent failed = events().get(0);
        assertThat(failed.getOutcome()).isEqualTo(AccessOutcome.FAILED);
        assertThat(failed.getReason()).startsWith("gave up after ").endsWith(": connection refused");
        // attempts at 0, 0.5, 1.0, 1.5 and 2.5 s (due at 2.3 s, over the 2 s limit by then: no more)
        assertThat(directory.attempts).hasSize(5);
        assertThat(header(deadLetters().get(0), DeadLetterHeaders.ATTEMPTS)).isEqualTo("5");
        assertThat(committed(P0)).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterARecordThatIsNoCommandWithoutAnOutcome() {
        addRecord(P0, "P1".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
        send(P0, ensureAccount("P1", true));

        loop.runOnce();

        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(header(letter, DeadLetterHeaders.REASON)).startsWith("unreadable record: ");
            assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
            assertThat(letter.value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(events()).extracting(AccessEvent::getOutcome).containsExactly(AccessOutcome.DONE);
        assertThat(committed(P0)).isEqualTo(2);
    }

    @Test
    void shouldFailACommandThisVersionCannotCarryOut() {
        AccessCommand noGroup = AccessCommand.newBuilder(membership("P1", "x")).setGroup(null).build();
        send(P0, noGroup);

        loop.runOnce();

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo(AccessOutcome.FAILED);
            assertThat(e.getReason()).isEqualTo("invalid command: group is missing");
        });
        assertThat(deadLetters()).hasSize(1);
        assertThat(directory.attempts).isEmpty();
    }

    @Test
    void shouldFailACommandForATargetWithoutConnector() {
        send(P0, AccessCommand.newBuilder(membership("P1", "slack-users")).setTargetSystem("scim-slack").build());

        loop.runOnce();

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo(AccessOutcome.FAILED);
            assertThat(e.getReason()).isEqualTo("no connector for target scim-slack");
            assertThat(e.getTargetSystem()).isEqualTo("scim-slack");
        });
        assertThat(header(deadLetters().get(0), DeadLetterHeaders.REASON)).isEqualTo("no connector for target scim-slack");
    }

    @Test
    void shouldCommitOnlyOnceTheOutcomeIsAcknowledgedAndNeverRedoTheChange() {
        producer.sendException = new KafkaException("broker unavailable");
        send(P0, ensureAccount("P1", true));
        send(P0, ensureAccount("P2", true));

        loop.runOnce();

        assertThat(directory.attempts).containsExactly("P1 EnsureAccount");
        assertThat(committedOrNull(P0)).isNull();

        producer.sendException = null;
        timer.advance(Duration.ofMillis(100));
        loop.runOnce();

        assertThat(directory.attempts).containsExactly("P1 EnsureAccount", "P2 EnsureAccount");
        assertThat(events()).extracting(AccessEvent::getOutcome).containsExactly(AccessOutcome.DONE, AccessOutcome.DONE);
        assertThat(committed(P0)).isEqualTo(2);
    }

    @Test
    void shouldWaitForTheRegistryRatherThanDeadLetter() {
        codec.registryAway = true;
        send(P0, ensureAccount("P1", true));

        loop.runOnce();
        assertThat(deadLetters()).isEmpty();
        assertThat(directory.attempts).isEmpty();

        codec.registryAway = false;
        timer.advance(Duration.ofMillis(100));
        loop.runOnce();

        assertThat(events()).extracting(AccessEvent::getOutcome).containsExactly(AccessOutcome.DONE);
    }

    @Test
    void shouldStopBeforeTheDisableThatCrossesTheThresholdUntilReleased() {
        for (int i = 1; i <= 4; i++) {
            send(P0, setEnabled("P" + i, false, AccessStep.ACCOUNT_DISABLED));
        }
        send(P1, ensureAccount("P9", true));

        loop.runOnce();

        assertThat(directory.attempts).hasSize(3).allMatch(a -> a.endsWith("SetAccountEnabled"));
        assertThat(brake.engaged()).isTrue();
        assertThat(brake.snapshot().held()).hasValueSatisfying(h -> {
            assertThat(h.personId()).isEqualTo("P4");
            assertThat(h.offset()).isEqualTo(3);
        });
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
        assertThat(committed(P0)).isEqualTo(3);
        assertThat(committedMetadata(P0)).startsWith(CommandExecutionLoop.BRAKE_MARKER + "|");
        assertThat(committedMetadata(P1)).startsWith(CommandExecutionLoop.BRAKE_MARKER + "|");

        for (int i = 0; i < 5; i++) {
            timer.advance(Duration.ofMinutes(2)); // time alone releases nothing
            loop.runOnce();
        }
        assertThat(directory.attempts).hasSize(3);

        brake.release("ops-anna", "leavers confirmed with HR");
        loop.runOnce();

        assertThat(directory.attempts).hasSize(5).contains("P4 SetAccountEnabled", "P9 EnsureAccount");
        assertThat(committed(P0)).isEqualTo(4);
        assertThat(committed(P1)).isEqualTo(1);
        assertThat(committedMetadata(P0)).isEmpty();
        assertThat(committedMetadata(P1)).isEmpty();
        assertThat(brake.snapshot().counts()).containsEntry("directory", 1);
        loop.runOnce();
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void shouldKeepTheBrakeEngagedAcrossARestart() {
        for (int i = 1; i <= 4; i++) {
            send(P0, setEnabled("P" + i, false, AccessStep.ACCOUNT_DISABLED));
        }
        loop.runOnce();
        assertThat(brake.engaged()).isTrue();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(P0, P1), Duration.ofSeconds(1));

        // a new process: a fresh brake, the same committed offsets
        brake = new MassChangeBrake(3, Duration.ofMinutes(5), Set.of("ACCOUNT_DISABLED", "ACCOUNT_DELETED"), timer);
        RecordingConsumer restarted = new RecordingConsumer().withCommitted(committed);
        restarted.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        CommandExecutionLoop again = newLoop(restarted);
        restarted.rebalance(List.of(P0, P1));
        restarted.addRecord(record(P0, 3, key("P4"), codec.encode(setEnabled("P4", false,
                AccessStep.ACCOUNT_DISABLED))));

        again.runOnce();

        assertThat(brake.engaged()).isTrue();
        assertThat(brake.snapshot().engagedTarget()).contains("directory");
        assertThat(directory.attempts).hasSize(3);
    }

    @Test
    void shouldRestoreTheBrakeFromCommittedMetadataWithoutPilingUpRestoredNotes() {
        String marker = CommandExecutionLoop.BRAKE_MARKER + "|2026-07-01T00:00:00Z|directory|4 changes for target "
                + "directory (restored from the committed offsets of access-commands-2)";

        boolean restored = CommandExecutionLoop.restoreBrake(brake,
                Map.of(P1, new OffsetAndMetadata(7, ""), P0, new OffsetAndMetadata(3, marker)), serviceClock);

        assertThat(restored).isTrue();
        assertThat(brake.snapshot().engagedReason()).contains(
                "4 changes for target directory (restored from the committed offsets of access-commands-0)");
        assertThat(brake.snapshot().engagedSince()).contains(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(CommandExecutionLoop.restoreBrake(new MassChangeBrake(3, Duration.ofMinutes(5), Set.of(), timer),
                Map.of(P0, new OffsetAndMetadata(3, "")), serviceClock)).isFalse();
    }

    @Test
    void shouldCommitNothingPastAWaitingCommandWhenItsPartitionIsTakenAway() {
        directory.unreachableFor("P1");
        send(P0, ensureAccount("P0", true));
        send(P0, ensureAccount("P1", true));
        send(P0, ensureAccount("P2", true));

        loop.runOnce();
        consumer.rebalance(List.of(P1));

        assertThat(consumer.commits).extracting(c -> c.get(P0)).filteredOn(java.util.Objects::nonNull)
                .extracting(OffsetAndMetadata::offset).containsOnly(1L);
        assertThat(committed(P0)).isEqualTo(1);
        assertThat(directory.attempts).containsExactly("P0 EnsureAccount", "P1 EnsureAccount");
        loop.runOnce();
        assertThat(loop.status().partitions()).containsExactly(1);
    }

    // ---- helpers

    private byte[] send(TopicPartition tp, AccessCommand command) {
        byte[] value = codec.encode(command);
        addRecord(tp, command.getPersonId().getBytes(StandardCharsets.UTF_8), value);
        return value;
    }

    private void addRecord(TopicPartition tp, byte[] key, byte[] value) {
        long offset = nextOffset.merge(tp, 1L, Long::sum) - 1;
        consumer.addRecord(record(tp, offset, key, value));
    }

    private static byte[] key(String person) {
        return person.getBytes(StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, byte[] key, byte[] value) {
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, key, value);
    }

    private List<AccessEvent> events() {
        List<AccessEvent> events = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> r : producer.history()) {
            if (r.topic().equals(EVENTS)) {
                try {
                    events.add(AccessEvent.getDecoder().decode(r.value()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return events;
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetters() {
        return producer.history().stream().filter(r -> r.topic().equals(DLQ)).toList();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private long committed(TopicPartition tp) {
        Long offset = committedOrNull(tp);
        assertThat(offset).as("committed offset of " + tp).isNotNull();
        return offset;
    }

    private Long committedOrNull(TopicPartition tp) {
        OffsetAndMetadata o = consumer.committed(Set.of(tp), Duration.ofSeconds(1)).get(tp);
        return o == null ? null : o.offset();
    }

    private String committedMetadata(TopicPartition tp) {
        return consumer.committed(Set.of(tp), Duration.ofSeconds(1)).get(tp).metadata();
    }

    static AccessCommand.Builder base(String person, String actionSuffix, AccessStep step) {
        return AccessCommand.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((person + actionSuffix).getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(DUE)
                .setCausationId("hr-event-" + person)
                .setCorrelationId("case-" + person)
                .setSource("access-service")
                .setActionId("m-" + person + "/" + actionSuffix)
                .setPersonId(person)
                .setAgency("DOR")
                .setTargetSystem("directory")
                .setStep(step)
                .setDueAt(DUE);
    }

    static AccessCommand ensureAccount(String person, boolean enabled) {
        return base(person, "account", AccessStep.ACCOUNT_CREATED).setOperation(AccessOperation.ENSURE_ACCOUNT)
                .setEnabled(enabled)
                .setAccount(AccountAttributes.newBuilder().setGivenName("Given").setFamilyName("Family-" + person)
                        .setDepartment("Revenue").setJobTitle("Analyst").build())
                .build();
    }

    static AccessCommand setEnabled(String person, boolean enabled, AccessStep step) {
        return base(person, step.name(), step).setOperation(AccessOperation.SET_ACCOUNT_ENABLED).setEnabled(enabled)
                .build();
    }

    static AccessCommand membership(String person, String group) {
        return base(person, "grant/" + group, AccessStep.ENTITLEMENT_GRANTED).setEntitlement(group)
                .setOperation(AccessOperation.ENSURE_MEMBERSHIP).setGroup(group)
                .setGroupKind(AccessGroupKind.SECURITY).build();
    }

    /** Avro single-object encoding, no registry: this test is about the loop. */
    static final class TestCodec implements CommandCodec {
        volatile boolean registryAway;

        byte[] encode(AccessCommand command) {
            try {
                ByteBuffer buffer = AccessCommand.getEncoder().encode(command);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public AccessCommand readCommand(String topic, byte[] value) {
            if (registryAway) {
                throw new TransientReadException("the registry at http://registry cannot be reached", null);
            }
            try {
                return AccessCommand.getDecoder().decode(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] writeOutcome(String topic, AccessEvent event) {
            try {
                ByteBuffer buffer = AccessEvent.getEncoder().encode(event);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
