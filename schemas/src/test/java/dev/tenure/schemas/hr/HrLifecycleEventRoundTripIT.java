package dev.tenure.schemas.hr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.schemas.registry.RegistryRest;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.peers.DebianPackages;
import dev.tenure.testkit.TenurePeers;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A joiner sent through the real broker with Apicurio's serdes comes back as the generated class,
 * and its bytes on the wire carry the registry's framing: magic byte 0, then the 4-byte big-endian
 * contentId (the default of Apicurio 3.x serdes; 2.x wrote an 8-byte globalId), then Avro binary.
 */
class HrLifecycleEventRoundTripIT {

    private static final String TOPIC = Topics.HR_LIFECYCLE_EVENTS.name();
    private static final String ARTIFACT = Topics.HR_LIFECYCLE_EVENTS.valueSchemaArtifactId();
    private static final byte MAGIC_BYTE = 0;
    private static final int ID_BYTES = Integer.BYTES;

    private static TenurePeers peers;
    private static RegistryRest registry;
    private static HrLifecycleEvent sent;
    private static RecordMetadata written;

    @BeforeAll
    static void sendAJoiner() throws Exception {
        peers = TenurePeers.shared();
        registry = new RegistryRest(peers.registryUrl());
        peers.createTopic(TOPIC, Topics.HR_LIFECYCLE_EVENTS.partitions(), Topics.HR_LIFECYCLE_EVENTS.configs());

        // A fresh person, so runs against a long-lived broker never read someone else's record.
        sent = SampleHrEvents.joiner("P-" + UUID.randomUUID());
        try (KafkaProducer<String, HrLifecycleEvent> producer = new KafkaProducer<>(producerConfig())) {
            written = producer.send(new ProducerRecord<>(TOPIC, sent.getPersonId(), sent)).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldReadTheJoinerBackAsTheGeneratedClass() {
        // When the record is consumed with Apicurio's deserializer and the specific reader
        ConsumerRecord<String, HrLifecycleEvent> received = consumeWrittenRecord();

        // Then it is the same event, as the generated classes, keyed by person id, with the id in the payload not in headers
        assertThat(received.key()).isEqualTo(sent.getPersonId());
        assertThat(received.value()).isInstanceOf(HrLifecycleEvent.class).isEqualTo(sent);
        assertThat(received.value().getPayload()).isInstanceOf(EmployeeJoined.class);
        assertThat(received.headers().toArray()).isEmpty();
    }

    @Test
    void shouldFrameTheRawBytesWithMagicByteAndTheRegistryContentId() throws Exception {
        // When an independent client (kcat) reads the raw value bytes of the record
        byte[] raw = kcatValue(written.partition(), written.offset());

        // Then they are: magic byte 0, the 4-byte contentId of a version of the topic's artifact, then plain Avro binary
        assertThat(raw.length).isGreaterThan(1 + ID_BYTES);
        assertThat(raw[0]).isEqualTo(MAGIC_BYTE);
        long contentId = ByteBuffer.wrap(raw, 1, ID_BYTES).getInt();
        assertThat(registry.contentIds(ARTIFACT)).as("contentIds of %s", ARTIFACT).contains(contentId);
        assertThat(new Schema.Parser().parse(registry.contentById(contentId))).isEqualTo(HrLifecycleEvent.getClassSchema());
        byte[] avro = Arrays.copyOfRange(raw, 1 + ID_BYTES, raw.length);
        assertThat(new SpecificDatumReader<>(HrLifecycleEvent.class)
                .read(null, DecoderFactory.get().binaryDecoder(avro, null))).isEqualTo(sent);
    }

    @Test
    void shouldListTheTopicValueArtifactInTheRegistry() {
        assertThat(registry.artifactIds()).contains(ARTIFACT);
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                "apicurio.registry.url", peers.registryUrl(),
                "apicurio.registry.auto-register", true,
                // Register the whole schema, as SchemaRegistrar does. By default 3.x serializers split every
                // nested named type into its own artifact and reference it, and the registry then cannot
                // check a full schema against that version (HTTP 422 "Undefined schema").
                "apicurio.registry.dereference-schema", true);
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                "apicurio.registry.url", peers.registryUrl(),
                "apicurio.registry.use-specific-avro-reader", true);
    }

    private static ConsumerRecord<String, HrLifecycleEvent> consumeWrittenRecord() {
        TopicPartition partition = new TopicPartition(TOPIC, written.partition());
        try (KafkaConsumer<String, HrLifecycleEvent> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, HrLifecycleEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == written.offset()) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No record at " + partition + " offset " + written.offset() + " within 30 s");
    }

    private static byte[] kcatValue(int partition, long offset) throws IOException, InterruptedException {
        Path kcat = DebianPackages.require("kcat", "kcat");
        Process process = new ProcessBuilder(kcat.toString(), "-C", "-b", peers.bootstrapServers(), "-t", TOPIC,
                "-p", String.valueOf(partition), "-o", String.valueOf(offset), "-e", "-c", "1", "-f", "%s")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] value = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("kcat finished").isTrue();
        assertThat(process.exitValue()).as("kcat exit code").isZero();
        return value;
    }
}
