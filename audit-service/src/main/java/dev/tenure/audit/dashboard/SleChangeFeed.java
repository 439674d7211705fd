package dev.tenure.audit.dashboard;

import dev.tenure.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows sle-compliance and sle-case-status (every partition, from their end, committed records only: with exactly
 * once, a change is announced once the stores that show it are committed) and broadcasts each change to the
 * dashboard's event streams. No consumer group: every instance tells its own browsers about every change.
 */
@ApplicationScoped
public class SleChangeFeed {

    private static final Logger LOG = Logger.getLogger(SleChangeFeed.class);
    private static final List<String> TOPICS = List.of(Topics.SLE_COMPLIANCE.name(), Topics.SLE_CASE_STATUS.name());

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tenure.audit.sle-streams.enabled", defaultValue = "true")
    boolean enabled;

    private final BroadcastProcessor<SleChange> changes = BroadcastProcessor.create();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean stopping;
    private Thread follower;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        follower = new Thread(this::follow, "sle-change-feed");
        follower.setDaemon(true);
        follower.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        KafkaConsumer<byte[], byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    /** Every change from now on (hot: a subscriber sees what happens after it subscribed). */
    public Multi<SleChange> changes() {
        return changes;
    }

    private void follow() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-service-sle-change-feed");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = awaitPartitions(c);
            if (partitions == null) {
                return;
            }
            c.assign(partitions);
            c.seekToEnd(partitions);
            while (!stopping) {
                for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofSeconds(1))) {
                    String kind = record.topic().equals(Topics.SLE_COMPLIANCE.name()) ? "compliance" : "case";
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    changes.onNext(new SleChange(kind, key));
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("the dashboard's change feed stopped: pages no longer update live", e);
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
        while (!stopping) {
            Map<String, List<org.apache.kafka.common.PartitionInfo>> topics = c.listTopics(Duration.ofSeconds(10));
            if (TOPICS.stream().allMatch(topics::containsKey)) {
                List<TopicPartition> partitions = new ArrayList<>();
                TOPICS.forEach(t -> topics.get(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
                return partitions;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
