package dev.tenure.hr.messaging;

import dev.tenure.hr.ledger.IntakeLedger;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link IntakeLedger} equal to {@code hr-lifecycle-events}: reads the whole topic from
 * the beginning at start-up (committed records only, so an aborted import never counts), then
 * follows it. Until it has read up to the end offsets seen at start, the intake is not ready:
 * answering before that could take a resubmission for a new event.
 */
@ApplicationScoped
public class LedgerFeed {

    private static final Logger LOG = Logger.getLogger(LedgerFeed.class);
    private static final String TOPIC = Topics.HR_LIFECYCLE_EVENTS.name();

    @Inject
    KafkaClientSettings settings;

    @Inject
    IntakeLedger ledger;

    private volatile boolean caughtUp;
    private volatile String problem = "starting";
    private volatile boolean running = true;
    private KafkaConsumer<String, HrLifecycleEvent> consumer;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new RegistryAvroDeserializer<>(HrLifecycleEvent.class, settings.registryUrl()));
        thread = new Thread(this::run, "intake-ledger-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Why the ledger is not caught up yet, for the readiness check. */
    public String problem() {
        return problem;
    }

    private void run() {
        try {
            Map<TopicPartition, Long> endAtStart = assignWholeTopic();
            while (running) {
                for (ConsumerRecord<String, HrLifecycleEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        ledger.apply(record.value(), record.partition(), record.offset());
                    }
                }
                if (!caughtUp && endAtStart.entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    caughtUp = true;
                    problem = null;
                    LOG.infof("intake ledger caught up: %d accepted events", ledger.size());
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            problem = "the ledger feed stopped: " + e.getMessage();
            caughtUp = false;
            LOG.error("intake ledger feed stopped; the intake is not ready", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private Map<TopicPartition, Long> assignWholeTopic() {
        List<PartitionInfo> partitions = List.of();
        while (running && partitions.isEmpty()) {
            try {
                partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                partitions = List.of();
            }
            if (partitions == null || partitions.isEmpty()) {
                problem = "topic " + TOPIC + " is not reachable yet";
                partitions = List.of();
                sleep();
            }
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        problem = "reading " + TOPIC + " from the beginning";
        return consumer.endOffsets(assigned);
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = settings.base();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }
}
