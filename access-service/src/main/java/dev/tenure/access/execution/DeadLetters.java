package dev.tenure.access.execution;

import dev.tenure.access.execution.DeadLetterIndex.CommandSummary;
import dev.tenure.access.execution.DeadLetterIndex.Letter;
import dev.tenure.access.execution.DeadLetterIndex.Replay;
import dev.tenure.access.messaging.TopicFollower;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.topics.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * The dead letters, for operators: read from the dead-letter topic from its beginning and followed as it grows (the
 * topic is the store: the list and the record of replays survive restarts and are the same on every instance), and
 * replayed on request by republishing the original record to {@code access-commands}.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** The list is not complete yet (still reading the topic): answer 503, ask again shortly. */
    public static final class NotReadyException extends Exception {
        private static final long serialVersionUID = 1L;

        NotReadyException(String message) {
            super(message);
        }
    }

    /** Why a replay was refused. */
    public enum Refusal {
        NOT_FOUND,
        ALREADY_REPLAYED,
        UNREADABLE
    }

    /** The answer to a replay request: done (where the command went), or refused and why. */
    public record ReplayResult(Optional<Letter> letter, Optional<Refusal> refusal, Optional<String> replayedTo,
                               boolean recorded) {
    }

    @Inject
    ExecutorConfig config;

    @Inject
    ExecutionKafka kafka;

    @Inject
    Clock clock;

    private DeadLetterIndex index;
    private TopicFollower follower;
    private final Object replayLock = new Object();

    /** Reads the topic from its start, marks the list ready at the end offsets seen first, then follows it. */
    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        RegistryCommandCodec codec = new RegistryCommandCodec(kafka.registryUrl());
        DeadLetterIndex letters = new DeadLetterIndex(value -> summary(codec, value));
        follower = new TopicFollower(ExecutionKafka.DEAD_LETTER_TOPIC,
                () -> new KafkaConsumer<>(kafka.consumerConfig(null, "access-service-dead-letters")),
                Duration.ofMillis(500), r -> letters.accept(r.partition(), r.offset(), r.key(), r.value(), headers(r)),
                () -> LOG.infof("dead letters read: %d on %s", letters.all().size(), ExecutionKafka.DEAD_LETTER_TOPIC));
        index = letters;
        follower.start("access-dead-letters");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (follower != null) {
            follower.close();
        }
    }

    /** Every letter, in topic order. */
    public List<Letter> list() throws NotReadyException {
        requireReady();
        return index.all();
    }

    public Optional<Letter> find(int partition, long offset) throws NotReadyException {
        requireReady();
        return index.find(partition, offset);
    }

    /**
     * Republishes the letter's original key, value and headers to access-commands and records the replay next to the
     * letter. Refused for a letter already replayed, or whose value is no readable command, unless {@code force}.
     */
    public ReplayResult replay(int partition, long offset, String by, String reason, boolean force)
            throws NotReadyException {
        requireReady();
        synchronized (replayLock) {
            Optional<Letter> found = index.find(partition, offset);
            if (found.isEmpty()) {
                return new ReplayResult(found, Optional.of(Refusal.NOT_FOUND), Optional.empty(), false);
            }
            Letter letter = found.get();
            if (!force && !letter.replays().isEmpty()) {
                return new ReplayResult(found, Optional.of(Refusal.ALREADY_REPLAYED), Optional.empty(), false);
            }
            if (!force && letter.command().isEmpty()) {
                return new ReplayResult(found, Optional.of(Refusal.UNREADABLE), Optional.empty(), false);
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(DeadLetterHeaders.REPLAYED_FROM, utf8(letter.id()));
            RecordMetadata sent = send(new ProducerRecord<>(Topics.ACCESS_COMMANDS.name(), null, letter.key(),
                    letter.value(), headers));
            String replayedTo = Topics.ACCESS_COMMANDS.name() + " " + sent.partition() + "/" + sent.offset();
            Replay replay = new Replay(clock.instant(), by, reason, replayedTo);
            LOG.infof("dead letter %s replayed by %s to %s: %s", letter.id(), by, replayedTo, reason);
            RecordHeaders marker = new RecordHeaders();
            marker.add(DeadLetterHeaders.REPLAY_OF, utf8(letter.id()));
            marker.add(DeadLetterHeaders.REPLAYED_BY, utf8(by));
            marker.add(DeadLetterHeaders.REPLAYED_AT, utf8(replay.at().toString()));
            if (reason != null) {
                marker.add(DeadLetterHeaders.REPLAY_REASON, utf8(reason));
            }
            marker.add(DeadLetterHeaders.REPLAYED_TO, utf8(replayedTo));
            try {
                RecordMetadata recorded = send(new ProducerRecord<>(ExecutionKafka.DEAD_LETTER_TOPIC,
                        letter.partition(), letter.key(), null, marker));
                index.replayed(letter.id(), replay, Optional.of(recorded.partition() + "/" + recorded.offset()));
                return new ReplayResult(index.find(partition, offset), Optional.empty(), Optional.of(replayedTo), true);
            } catch (PublishException e) {
                LOG.errorf("dead letter %s was replayed to %s, but the replay could not be recorded on %s (%s): "
                        + "other instances, and this one after a restart, will not know", letter.id(), replayedTo,
                        ExecutionKafka.DEAD_LETTER_TOPIC, e.getMessage());
                index.replayed(letter.id(), replay, Optional.empty());
                return new ReplayResult(index.find(partition, offset), Optional.empty(), Optional.of(replayedTo), false);
            }
        }
    }

    /** The broker did not take a record. */
    public static final class PublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        try {
            return kafka.producer().send(record).get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("the broker refused " + record.topic() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("no acknowledgement for " + record.topic() + " within "
                    + config.publishTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        } catch (RuntimeException e) {
            throw new PublishException("the broker did not take " + record.topic() + ": " + e, e);
        }
    }

    private void requireReady() throws NotReadyException {
        if (index == null) {
            throw new NotReadyException("the executor is disabled on this instance");
        }
        if (!follower.caughtUp()) {
            throw new NotReadyException("still reading " + ExecutionKafka.DEAD_LETTER_TOPIC);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private static Optional<CommandSummary> summary(CommandCodec codec, byte[] value) {
        try {
            AccessCommand c = codec.readCommand(Topics.ACCESS_COMMANDS.name(), value);
            return Optional.of(new CommandSummary(c.getPersonId(), c.getAgency(), c.getTargetSystem(),
                    c.getStep() == null ? null : c.getStep().name(),
                    c.getOperation() == null ? null : c.getOperation().name(), c.getEntitlement(), c.getGroup(),
                    c.getActionId(), c.getCausationId(), c.getDueAt()));
        } catch (CommandCodec.TransientReadException e) {
            throw e; // the registry is away: read the topic again later rather than call the letter unreadable
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
