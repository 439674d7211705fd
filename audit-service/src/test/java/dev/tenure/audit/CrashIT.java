package dev.tenure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.audit.domain.LoggedEntry;
import dev.tenure.audit.domain.Verification;
import dev.tenure.audit.support.AuditLogTopics;
import dev.tenure.audit.support.AuditTestResource;
import dev.tenure.audit.support.AuditedEvents;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code kill -9} of the packaged service in the middle of a burst of 10,000 lifecycle, access and equipment events:
 * restarted on the same state folder, it records the rest, and every chain is continuous — sequences 0..n-1 with no
 * duplicate and no gap, every link intact, the heads checkpointed — with exactly one record per event. Runs in a
 * failsafe JVM of its own (own broker): the audit log must have one writer, and a Quarkus test's chain would be a
 * second.
 */
@EnabledIfSystemProperty(named = "tenure.crash-jvm", matches = "true")
class CrashIT {

    private static final int EVENTS = 10_000;
    private static final int PEOPLE = 500;
    /** Sent over ~8 s, so the kill falls well inside the burst. */
    private static final int PER_SECOND = 1_250;
    private static final long KILL_AFTER_AUDITED = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final String applicationId = "audit-crash-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path stateDir = PackagedService.moduleDir().resolve("target/crash-it").resolve(applicationId);
    private PackagedService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldKeepEveryChainContinuousWithoutDuplicateOrGapAfterAKillDuringABurst() throws Exception {
        // Given the packaged service running on the real broker and registry
        AuditTestResource.createCatalogueTopics(TenurePeers.shared());
        Instant starting = Instant.now();
        service = start("audit-crash-it");
        progress("started", starting, Instant.now());

        // When 10,000 events are published at 1,250/s, and the service is killed (SIGKILL) once 2,000 are audited
        List<ProducerRecord<String, byte[]>> burst = burst();
        Set<String> eventIds = burst.stream().map(r -> r.headers().lastHeader("event-id"))
                .map(h -> new String(h.value())).collect(Collectors.toSet());
        assertThat(eventIds).hasSize(EVENTS);
        Instant burstStart = Instant.now();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(burst));
        long auditedAtKill = awaitAudited(KILL_AFTER_AUDITED);
        service.kill();
        Instant killed = Instant.now();
        progress("killed with " + auditedAtKill + " committed audit records (the burst "
                + (sending.isDone() ? "all sent" : "still being sent") + ")", burstStart, killed);
        assertThat(auditedAtKill).as("the kill falls inside the burst").isLessThan(EVENTS / 2);

        // And started again on its state folder, under the same instance id (static membership)
        sending.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        Instant restarting = Instant.now();
        service = start("audit-crash-it-2");
        Instant ready = Instant.now();
        progress("restarted", restarting, ready);

        // Then the log holds exactly one record per event
        Map<Integer, List<LoggedEntry>> log = AuditLogTopics.awaitAudited(eventIds, WAIT);
        progress("all 10,000 audited", ready, Instant.now());
        List<AuditEntry> all = log.values().stream().flatMap(List::stream).map(LoggedEntry::entry).toList();
        assertThat(all).hasSize(EVENTS);
        assertThat(all.stream().map(AuditEntry::causationId).collect(Collectors.toSet())).isEqualTo(eventIds);

        // And each chain is continuous: 0..n-1, no duplicate, no gap
        log.forEach((partition, chain) -> assertThat(chain).extracting(l -> l.entry().sequence())
                .as("sequences of partition %d", partition)
                .containsExactlyElementsOf(LongStream.range(0, chain.size()).boxed().toList()));

        // And intact, link by link, up to the heads the checkpoints published
        AuditLogTopics.awaitCheckpointed(WAIT);
        Verification verification = AuditLogTopics.reader().verify(Topics.AUDIT_LOG.name(),
                Topics.AUDIT_CHECKPOINTS.name());
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.records()).isEqualTo(EVENTS);
        System.out.printf("CrashIT: %s%nCrashIT: %d records written in transactions the kill aborted%n",
                verification.summary().replace("\n", "\nCrashIT: "), uncommittedRecords() - EVENTS);
    }

    private PackagedService start(String name) {
        TenurePeers peers = TenurePeers.shared();
        Map<String, String> env = PackagedService.environment(peers.bootstrapServers(), peers.registryUrl());
        env.put("TENURE_AUDIT_CHAIN_APPLICATION_ID", applicationId);
        env.put("TENURE_AUDIT_STATE_DIR", stateDir.toAbsolutePath().toString());
        env.put("TENURE_AUDIT_CHECKPOINT_INTERVAL", "1s");
        env.put("TENURE_AUDIT_INSTANCE_ID", applicationId + "-1");
        return PackagedService.start(name, env).awaitReady(WAIT);
    }

    /** 10,000 events of 500 people over the three topics, in the registry's framing, each with its id in a header. */
    private static List<ProducerRecord<String, byte[]>> burst() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Map.Entry<String, HrLifecycleEvent>> lifecycle = new ArrayList<>();
        List<Map.Entry<String, AccessEvent>> access = new ArrayList<>();
        List<Map.Entry<String, EquipmentEvent>> equipment = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String person = "P-CRASH-" + run + "-" + (i % PEOPLE);
            switch (i % 3) {
                case 0 -> lifecycle.add(Map.entry(person, AuditedEvents.joiner(person, LocalDate.parse("2027-03-01"),
                        "workday")));
                case 1 -> access.add(Map.entry(person, AuditedEvents.access(person, AccessAction.ENTITLEMENT_GRANTED,
                        "directory", "GG-" + i, Instant.now(), null)));
                default -> equipment.add(Map.entry(person, AuditedEvents.equipment(person, EquipmentChange.ASSIGNED,
                        EquipmentState.ASSIGNED, "MA-" + i, "deskside-ann")));
            }
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        addWithIds(records, AuditLogTopics.serialized(Topics.HR_LIFECYCLE_EVENTS.name(), HrLifecycleEvent.class,
                lifecycle), lifecycle.stream().map(e -> e.getValue().getEventId()).toList());
        addWithIds(records, AuditLogTopics.serialized(Topics.ACCESS_EVENTS.name(), AccessEvent.class, access),
                access.stream().map(e -> e.getValue().getEventId()).toList());
        addWithIds(records, AuditLogTopics.serialized(Topics.EQUIPMENT_EVENTS.name(), EquipmentEvent.class,
                equipment), equipment.stream().map(e -> e.getValue().getEventId()).toList());
        java.util.Collections.shuffle(records, new java.util.Random(7));
        return records;
    }

    private static void addWithIds(List<ProducerRecord<String, byte[]>> into, List<ProducerRecord<String, byte[]>> records,
                                   List<String> ids) {
        for (int i = 0; i < records.size(); i++) {
            records.get(i).headers().add("event-id", ids.get(i).getBytes());
            into.add(records.get(i));
        }
    }

    /** Sends the burst at PER_SECOND, in slices of 50. */
    private static void send(List<ProducerRecord<String, byte[]>> burst) {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = AuditLogTopics.producer()) {
            for (int i = 0; i < burst.size(); i++) {
                if (i % 50 == 0) {
                    long due = start + i * 1_000_000_000L / PER_SECOND;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                producer.send(burst.get(i));
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the committed end of audit-log (read_committed: the last stable offsets) passes {@code count}. */
    private static long awaitAudited(long count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = partitions();
            while (true) {
                long committed = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                if (committed >= count) {
                    return committed;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + committed + " audit records committed in " + WAIT.toSeconds()
                            + " s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Every record physically on audit-log, aborted ones included (read_uncommitted). */
    private static long uncommittedRecords() {
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_uncommitted")) {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
            return count;
        }
    }

    private static List<TopicPartition> partitions() {
        return LongStream.range(0, Topics.AUDIT_LOG.partitions())
                .mapToObj(p -> new TopicPartition(Topics.AUDIT_LOG.name(), (int) p)).toList();
    }

    private static KafkaConsumer<String, byte[]> consumer(String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void progress(String what, Instant from, Instant to) {
        System.out.printf("CrashIT: %s in %d ms%n", what, Duration.between(from, to).toMillis());
    }
}
