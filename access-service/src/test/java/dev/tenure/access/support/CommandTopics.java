package dev.tenure.access.support;

import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessGroupKind;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.access.AccessStep;
import dev.tenure.schemas.access.AccountAttributes;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The executor's topics on the real broker, as the planner and the audit side see them: commands written in the
 * registry's framing, outcome events and dead letters read back.
 */
public final class CommandTopics {

    public static final String DEAD_LETTERS = Topics.deadLetter("access-service", Topics.ACCESS_COMMANDS);

    private CommandTopics() {
    }

    /** Writes commands to access-commands, keyed by person id, and waits for the broker. */
    public static void send(AccessCommand... commands) {
        TenurePeers peers = TenurePeers.shared();
        try (KafkaProducer<String, AccessCommand> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new RegistryAvroSerializer<>(Topics.ACCESS_COMMANDS, peers.registryUrl()))) {
            for (AccessCommand command : commands) {
                producer.send(new ProducerRecord<>(Topics.ACCESS_COMMANDS.name(), command.getPersonId(), command))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write the commands", e);
        }
    }

    /** Writes bytes that are no command. */
    public static RecordMetadata sendRaw(String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.ACCESS_COMMANDS.name(),
                    key.getBytes(StandardCharsets.UTF_8), value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write the record", e);
        }
    }

    /** The outcome events {@code matching} in topic order, once there are {@code count} (or fail after {@code within}). */
    public static List<AccessEvent> awaitEvents(Predicate<AccessEvent> matching, int count, Duration within) {
        List<AccessEvent> found = events(matching, count, within);
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " outcome events within " + within + ", found " + found);
        }
        return found;
    }

    /** The outcome events {@code matching} written so far (reads to the end of the topic). */
    public static List<AccessEvent> eventsSoFar(Predicate<AccessEvent> matching) {
        return events(matching, Integer.MAX_VALUE, Duration.ofSeconds(3));
    }

    private static List<AccessEvent> events(Predicate<AccessEvent> matching, int count, Duration within) {
        return TopicReader.read(Topics.ACCESS_EVENTS, r -> matching.test(r.value()), count, Duration.ZERO, within)
                .stream().map(ConsumerRecord::value).toList();
    }

    /** The commands {@code matching} on access-commands so far, in each partition's order (reads to the end). */
    public static List<AccessCommand> commandsSoFar(Predicate<AccessCommand> matching) {
        return TopicReader.read(Topics.ACCESS_COMMANDS, r -> r.value() != null && matching.test(r.value()),
                Integer.MAX_VALUE, Duration.ZERO, Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).toList();
    }

    /** The dead letters whose key is {@code personId}, with their headers. */
    public static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(String personId, int count, Duration within) {
        TenurePeers peers = TenurePeers.shared();
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + within.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                var infos = consumer.partitionsFor(DEAD_LETTERS, Duration.ofSeconds(5));
                partitions = infos == null ? List.of()
                        : infos.stream().map(i -> new TopicPartition(DEAD_LETTERS, i.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.key() != null
                            && personId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " dead letters for " + personId + ", found " + found.size());
        }
        return found;
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        var h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    // ---- commands as the planner writes them

    public static AccessCommand ensureAccount(String person, boolean enabled) {
        return base(person, "account/" + enabled, AccessStep.ACCOUNT_CREATED).setOperation(AccessOperation.ENSURE_ACCOUNT)
                .setEnabled(enabled)
                .setAccount(AccountAttributes.newBuilder().setGivenName("Ada").setFamilyName("Test-" + person)
                        .setDepartment("Infrastructure Services").setJobTitle("Systems Engineer").build())
                .build();
    }

    public static AccessCommand setEnabled(String person, boolean enabled) {
        AccessStep step = enabled ? AccessStep.ACCOUNT_ENABLED : AccessStep.ACCOUNT_DISABLED;
        return base(person, step.name(), step).setOperation(AccessOperation.SET_ACCOUNT_ENABLED).setEnabled(enabled)
                .build();
    }

    public static AccessCommand membership(String person, String group) {
        return base(person, "grant/" + group, AccessStep.ENTITLEMENT_GRANTED).setEntitlement(group)
                .setOperation(AccessOperation.ENSURE_MEMBERSHIP).setGroup(group)
                .setGroupKind(AccessGroupKind.SECURITY).build();
    }

    /** A command to the directory as the planner writes it, for action {@code what} of {@code person}, due now. */
    static AccessCommand.Builder base(String person, String what, AccessStep step) {
        String actionId = "it-" + person + "/" + what;
        return AccessCommand.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(actionId.getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(Instant.now())
                .setCausationId("hr-" + person)
                .setCorrelationId("case-" + person)
                .setSource("access-service")
                .setActionId(actionId)
                .setPersonId(person)
                .setAgency("EOTSS")
                .setTargetSystem("directory")
                .setStep(step)
                .setDueAt(Instant.now());
    }
}
