package dev.tenure.access.execution;

import dev.tenure.schemas.topics.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The executor's Kafka settings and its one producer: outcome events, dead letters, replays and replay markers all go
 * through it, with acks=all and idempotence (records bytes already encoded).
 */
@ApplicationScoped
public class ExecutionKafka {

    /** Where this service parks the access-commands it cannot carry out. */
    public static final String DEAD_LETTER_TOPIC = Topics.deadLetter(Outcomes.SERVICE, Topics.ACCESS_COMMANDS);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url")
    String registryUrl;

    @Inject
    ExecutorConfig config;

    private volatile KafkaProducer<byte[], byte[]> producer;

    public String registryUrl() {
        return registryUrl;
    }

    /** The shared {@code kafka.*} settings, to which a client adds its own. */
    public Map<String, Object> base() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.keySet().removeIf(key -> key.startsWith("apicurio"));
        return props;
    }

    /** Settings of a consumer reading committed records only, as bytes, committing by hand (if in a group). */
    public Map<String, Object> consumerConfig(String groupId, String clientId) {
        Map<String, Object> props = base();
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        return props;
    }

    /** The idempotent acks=all producer, created on first use so the service starts while the broker is down. */
    public KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = base();
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "access-service-executor");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                    int timeout = (int) Math.min(Integer.MAX_VALUE, config.publishTimeout().toMillis());
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, 1000 + Math.max(1000, timeout / 2)));
                    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
