package dev.tenure.audit.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.audit.domain.ChainHash;
import dev.tenure.audit.domain.ChainVerifier;
import dev.tenure.audit.domain.LoggedEntry;
import dev.tenure.audit.log.AuditRecords;
import dev.tenure.audit.support.AuditedEvents;
import dev.tenure.audit.support.AvroBinary;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.audit.AuditCheckpoint;
import dev.tenure.schemas.audit.AuditRecord;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTopologyTest {

    private static final Instant NOW = Instant.parse("2027-06-30T21:00:00.123Z");
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> lifecycle;
    private TestInputTopic<String, byte[]> access;
    private TestInputTopic<String, byte[]> equipment;
    private TestOutputTopic<String, AuditRecord> log;
    private TestOutputTopic<String, AuditCheckpoint> checkpoints;

    @BeforeEach
    void driver() {
        AuditChainTopology.Settings settings = new AuditChainTopology.Settings(
                new AuditedTopics(AvroBinary.deserializer(HrLifecycleEvent.class),
                        AvroBinary.deserializer(AccessEvent.class), AvroBinary.deserializer(EquipmentEvent.class)),
                AvroBinary.serializer(AuditRecord.class), AvroBinary.serializer(AuditCheckpoint.class),
                Clock.fixed(NOW, ZoneOffset.UTC), CHECKPOINT_INTERVAL);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "audit-chain-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(AuditChainTopology.build(settings), props, Instant.EPOCH);
        lifecycle = input(Topics.HR_LIFECYCLE_EVENTS.name());
        access = input(Topics.ACCESS_EVENTS.name());
        equipment = input(Topics.EQUIPMENT_EVENTS.name());
        log = driver.createOutputTopic(Topics.AUDIT_LOG.name(), Serdes.String().deserializer(),
                AvroBinary.deserializer(AuditRecord.class));
        checkpoints = driver.createOutputTopic(Topics.AUDIT_CHECKPOINTS.name(), Serdes.String().deserializer(),
                AvroBinary.deserializer(AuditCheckpoint.class));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldChainEveryAuditedRecordInTheOrderItArrives() {
        // Given a joiner, the account it caused and the laptop delivered
        HrLifecycleEvent joiner = AuditedEvents.joiner("P-1", LocalDate.parse("2027-07-01"), "workday");
        AccessEvent account = AuditedEvents.access("P-1", AccessAction.ACCOUNT_CREATED, "directory", null, NOW,
                joiner.getEventId());
        EquipmentEvent laptop = AuditedEvents.equipment("P-1", EquipmentChange.DELIVERED, EquipmentState.DELIVERED,
                "MA-1", "deskside-ann");

        // When they arrive on their three topics
        lifecycle.pipeInput("P-1", AvroBinary.serializer(HrLifecycleEvent.class).serialize("t", joiner));
        access.pipeInput("P-1", AvroBinary.serializer(AccessEvent.class).serialize("t", account));
        byte[] laptopBytes = AvroBinary.serializer(EquipmentEvent.class).serialize("t", laptop);
        equipment.pipeInput("P-1", laptopBytes);

        // Then each is one audit record, keyed by the person, chained from sequence 0
        List<AuditEntry> entries = log.readRecordsToList().stream().map(r -> {
            assertThat(r.key()).isEqualTo("P-1");
            return AuditRecords.fromAvro(r.value());
        }).toList();
        assertThat(entries).extracting(AuditEntry::sequence).containsExactly(0L, 1L, 2L);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("EmployeeJoined", "ACCOUNT_CREATED:DONE", "DELIVERED");
        assertThat(entries).extracting(AuditEntry::causationId)
                .containsExactly(joiner.getEventId(), account.getEventId(), laptop.getEventId());
        assertThat(entries).extracting(AuditEntry::sourceTopic)
                .containsExactly("hr-lifecycle-events", "access-events", "equipment-events");
        assertThat(entries.get(2).payloadDigest()).isEqualTo(ChainHash.sha256(laptopBytes));
        assertThat(entries).allSatisfy(e -> assertThat(e.recordedAt()).isEqualTo(Instant.parse("2027-06-30T21:00:00.123Z")));
        assertThat(ChainVerifier.verify(0, IntStream.range(0, 3)
                .mapToObj(i -> new LoggedEntry(0, i, "P-1", entries.get(i))).iterator(), null).intact()).isTrue();
    }

    @Test
    void shouldRecordARecordItCannotReadInsteadOfDroppingIt() {
        byte[] garbage = {1, 2, 3};

        access.pipeInput("P-2", garbage);

        AuditEntry entry = AuditRecords.fromAvro(log.readValue());
        assertThat(entry).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::subjectPersonId,
                AuditEntry::sourceTopic).containsExactly("UNREADABLE", "unknown", "P-2", "access-events");
        assertThat(entry.payloadDigest()).isEqualTo(ChainHash.sha256(garbage));
        assertThat(entry.sequence()).isZero();
    }

    @Test
    void shouldCheckpointTheHeadOnlyWhenItMoved() {
        // Given two records
        access.pipeInput("P-1", AvroBinary.serializer(AccessEvent.class).serialize("t",
                AuditedEvents.access("P-1", AccessAction.ACCOUNT_DISABLED, "directory", null, NOW, "c")));
        access.pipeInput("P-2", AvroBinary.serializer(AccessEvent.class).serialize("t",
                AuditedEvents.access("P-2", AccessAction.ACCOUNT_DISABLED, "directory", null, NOW, "c")));
        List<AuditRecord> records = log.readValuesToList();

        // When the checkpoint interval passes twice
        driver.advanceWallClockTime(CHECKPOINT_INTERVAL);
        driver.advanceWallClockTime(CHECKPOINT_INTERVAL);

        // Then one checkpoint names the head: partition 0, sequence 1, its hash; its time is the service clock's, its
        // record's timestamp the wall clock's (a simulated clock far ahead would be refused by the broker)
        var checkpointRecords = checkpoints.readRecordsToList();
        assertThat(checkpointRecords).singleElement().satisfies(r -> {
            assertThat(r.timestamp()).isEqualTo(CHECKPOINT_INTERVAL.toMillis());
            assertThat(r.value().getOccurredAt()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        });
        List<AuditCheckpoint> published = checkpointRecords.stream().map(r -> r.value()).toList();
        assertThat(published).singleElement().satisfies(c -> {
            assertThat(c.getLogPartition()).isZero();
            assertThat(c.getSequence()).isEqualTo(1);
            assertThat(c.getHash()).isEqualTo(records.get(1).getHash());
            assertThat(c.getCausationId()).isNull();
            assertThat(c.getCorrelationId()).isEqualTo("audit-log-0");
        });

        // And the next record moves the head: the next checkpoint follows it
        equipment.pipeInput("P-1", AvroBinary.serializer(EquipmentEvent.class).serialize("t",
                AuditedEvents.equipment("P-1", EquipmentChange.LOCKED, EquipmentState.LOCKED, "MA-1", "equipment-service")));
        driver.advanceWallClockTime(CHECKPOINT_INTERVAL);
        assertThat(checkpoints.readValuesToList()).extracting(AuditCheckpoint::getSequence).containsExactly(2L);
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }
}
