package dev.tenure.access.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One topic read from its beginning on a thread of its own and followed as it grows, by a consumer of no group (so
 * every instance reads all of it); {@link #caughtUp()} once it reached the end offsets seen first. It waits for the
 * topic to exist; a failure starts it over from the beginning 5 s later (the records are handed over again).
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);

    private final String topic;
    private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
    private final Duration poll;
    private final Consumer<ConsumerRecord<byte[], byte[]>> records;
    private final Runnable onCaughtUp;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param consumers  a new consumer of byte arrays, of no group, for each start (over)
     * @param poll       how long one poll waits for records
     * @param records    gets each record, in each partition's order
     * @param onCaughtUp runs once, when the records up to the end offsets seen first are handed over
     */
    public TopicFollower(String topic, Supplier<KafkaConsumer<byte[], byte[]>> consumers, Duration poll,
                         Consumer<ConsumerRecord<byte[], byte[]>> records, Runnable onCaughtUp) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.records = Objects.requireNonNull(records, "records");
        this.onCaughtUp = Objects.requireNonNull(onCaughtUp, "onCaughtUp");
    }

    /** Starts following on a daemon thread named {@code threadName}. */
    public void start(String threadName) {
        start(threadName, () -> { });
    }

    /** Starts following on a daemon thread named {@code threadName}, which runs {@code first} before it reads. */
    public void start(String threadName, Runnable first) {
        thread = new Thread(() -> {
            first.run();
            follow();
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Stops the thread (waiting up to 5 s for it). */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = consumers.get()) {
                consumer = c;
                List<TopicPartition> partitions = awaitPartitions(c);
                if (partitions.isEmpty()) {
                    return;
                }
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(30));
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(poll)) {
                        records.accept(r);
                    }
                    if (!caughtUp && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                        caughtUp = true;
                        onCaughtUp.run();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("reading %s failed, starting over in 5 s: %s", topic, e.toString());
                sleep(Duration.ofSeconds(5));
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.listTopics(Duration.ofSeconds(10)).get(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            sleep(Duration.ofSeconds(1));
        }
        return List.of();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
