package dev.tenure.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.peers.ApicurioRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TenurePeersIT {

    private final TenurePeers peers = TenurePeers.shared();

    @Test
    void shouldCarryARecordThroughTheRealBroker() throws Exception {
        // Given a topic on the broker of this JVM
        peers.createTopic("testkit-roundtrip", 3, Map.of());
        peers.createTopic("testkit-roundtrip", 3, Map.of()); // creating it again is harmless

        // When a record is produced with acks=all
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            producer.send(new ProducerRecord<>("testkit-roundtrip", "person-1", "hello")).get();
        }

        // Then a consumer reads it back
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.subscribe(List.of("testkit-roundtrip"));
            ConsumerRecord<String, String> read = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (read == null && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    read = r;
                }
            }
            assertThat(read).isNotNull();
            assertThat(read.key()).isEqualTo("person-1");
            assertThat(read.value()).isEqualTo("hello");
        }
    }

    @Test
    void shouldServeTheRegistryApi() {
        assertThat(ApicurioRegistry.systemInfo(peers.registryUrl()))
                .hasValueSatisfying(info -> assertThat(info).contains("\"version\""));
    }

    @Test
    void shouldStartOnePairOfServersPerJvm() {
        assertThat(TenurePeers.shared()).isSameAs(peers);
        if (peers.startedHere()) {
            assertThat(peers.serverPids()).hasSize(2).allSatisfy(pid ->
                    assertThat(ProcessHandle.of(pid)).isPresent());
        }
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "testkit-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
