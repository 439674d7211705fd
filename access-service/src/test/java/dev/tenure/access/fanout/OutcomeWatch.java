package dev.tenure.access.fanout;

import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows access-events from its end at creation, and remembers when each person's changes were confirmed (DONE or
 * ALREADY_SO) by their target: the moment a target says "it is so" is what the fan-out measures. Also keeps every
 * FAILED outcome, which no run should have.
 */
final class OutcomeWatch implements AutoCloseable {

    /** A change the fan-out waits for: an action in a target system. */
    record Confirmation(String targetSystem, String action) {
        @Override
        public String toString() {
            return targetSystem + " " + action;
        }
    }

    /** When a person's confirmation arrived (wall clock of this JVM) and when the target says it took effect. */
    record Confirmed(Instant seenAt, Instant effectiveAt) {
    }

    private final Map<String, Map<Confirmation, Confirmed>> confirmed = new ConcurrentHashMap<>();
    private final List<AccessEvent> failures = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    OutcomeWatch() {
        TenurePeers peers = TenurePeers.shared();
        KafkaConsumer<String, AccessEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(),
                new RegistryAvroDeserializer<>(AccessEvent.class, peers.registryUrl()));
        List<TopicPartition> partitions = IntStream.range(0, Topics.ACCESS_EVENTS.partitions())
                .mapToObj(p -> new TopicPartition(Topics.ACCESS_EVENTS.name(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before anything is published
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, AccessEvent> record : consumer.poll(Duration.ofMillis(100))) {
                        take(record.value());
                    }
                }
            }
        }, "outcome-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void take(AccessEvent event) {
        if (event == null) {
            return;
        }
        if (event.getOutcome() == AccessOutcome.FAILED) {
            synchronized (failures) {
                failures.add(event);
            }
        } else if (event.getOutcome() == AccessOutcome.DONE || event.getOutcome() == AccessOutcome.ALREADY_SO) {
            confirmed.computeIfAbsent(event.getPersonId(), p -> new ConcurrentHashMap<>()).putIfAbsent(
                    new Confirmation(event.getTargetSystem(), event.getAction().name()),
                    new Confirmed(Instant.now(), event.getEffectiveAt()));
        }
    }

    /**
     * Waits until every person has every confirmation; returns false if {@code within} passes first (the caller
     * reports what is missing).
     */
    boolean awaitAll(Collection<String> people, Set<Confirmation> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (missing(people, wanted).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** "person: confirmation" for every one not yet seen. */
    List<String> missing(Collection<String> people, Set<Confirmation> wanted) {
        List<String> missing = new ArrayList<>();
        for (String person : people) {
            Map<Confirmation, Confirmed> got = confirmed.getOrDefault(person, Map.of());
            for (Confirmation c : wanted) {
                if (!got.containsKey(c)) {
                    missing.add(person + ": " + c);
                }
            }
        }
        return missing;
    }

    /** When the person's confirmation was seen; null if it was not. */
    Confirmed confirmation(String person, Confirmation c) {
        return confirmed.getOrDefault(person, Map.of()).get(c);
    }

    List<AccessEvent> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
