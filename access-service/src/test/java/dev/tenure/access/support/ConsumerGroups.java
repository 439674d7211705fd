package dev.tenure.access.support;

import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.testkit.TenurePeers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Consumer groups on the test broker: where a new group starts, and who its members are. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Commits the group's offsets at the current end of {@code topics}, as if it had read everything before: what
     * other tests of this JVM left on the shared topics is not this test's.
     */
    public static void startAtTheEnd(String group, TopicSpec<?>... topics) {
        try (Admin admin = TenurePeers.shared().admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicSpec<?> topic : topics) {
                IntStream.range(0, topic.partitions())
                        .forEach(p -> latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not start group " + group + " at the end of its topics", e);
        }
    }

    /** Waits until the group has committed the current end of {@code topic}: it has processed all of it. */
    public static void awaitCaughtUp(String group, TopicSpec<?> topic, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Map<TopicPartition, Long> lag = Map.of();
        try (Admin admin = TenurePeers.shared().admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            IntStream.range(0, topic.partitions())
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                lag = new HashMap<>();
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    long behind = end.getValue().offset() - (at == null ? 0 : at.offset());
                    if (behind > 0) {
                        lag.put(end.getKey(), behind);
                    }
                }
                if (lag.isEmpty()) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of " + group, e);
        }
        throw new AssertionError(group + " still behind on " + topic.name() + " after " + within + ": " + lag);
    }

    /** The static member names ({@code group.instance.id}) of the group's current members; empty ones for dynamic. */
    public static List<Optional<String>> instanceIds(String group) {
        try (Admin admin = TenurePeers.shared().admin()) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS)
                    .members().stream().map(MemberDescription::groupInstanceId).toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not describe group " + group, e);
        }
    }
}
