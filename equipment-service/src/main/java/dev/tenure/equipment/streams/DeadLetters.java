package dev.tenure.equipment.streams;

import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * A record the topology cannot read (a payload type newer than this service's schema, corrupt bytes) or whose
 * processing throws is parked, as its original bytes, on {@code equipment-service-<input>-dlq} with the reason in
 * headers, and processing goes on: one bad record does not stop everyone's equipment. If the dead-letter topic cannot
 * take it, the topology stops instead of losing it.
 */
public class DeadLetters implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    public static final String CONSUMER = "equipment-service";
    public static final List<TopicSpec<?>> INPUTS = List.of(Topics.HR_LIFECYCLE_EVENTS, Topics.EQUIPMENT_DESKSIDE_STEPS);
    public static final String REASON_HEADER = "tenure-dlq-reason";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private KafkaProducer<byte[], byte[]> producer;

    public static String topicFor(String input) {
        TopicSpec<?> spec = INPUTS.stream().filter(t -> t.name().equals(input)).findFirst()
                .orElse(Topics.HR_LIFECYCLE_EVENTS);
        return Topics.deadLetter(CONSUMER, spec);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> props = new HashMap<>();
        // the streams' own client settings (bootstrap servers, security) that a producer understands
        configs.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) && value != null) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "equipment-service-dead-letters");
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        return park(context.topic(), context.partition(), context.offset(), record.key(), record.value(), exception)
                ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null || context.sourceRawValue() == null) {
            LOG.error("a timer of the equipment topology failed; it runs again at the next interval", exception);
            return ProcessingHandlerResponse.CONTINUE;
        }
        return park(context.topic(), context.partition(), context.offset(), context.sourceRawKey(),
                context.sourceRawValue(), exception)
                ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    private boolean park(String topic, int partition, long offset, byte[] key, byte[] value, Exception exception) {
        String deadLetterTopic = topicFor(topic);
        String reason = exception.getClass().getSimpleName() + ": " + exception.getMessage();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("tenure-dlq-source", (topic + "/" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(deadLetterTopic, null, key, value, headers)).get();
            LOG.warnf("parked %s/%d@%d on %s: %s", topic, partition, offset, deadLetterTopic, reason);
            return true;
        } catch (Exception e) {
            LOG.errorf(e, "cannot park %s/%d@%d on %s; stopping rather than losing it", topic, partition, offset,
                    deadLetterTopic);
            return false;
        }
    }

    /** Not part of the handler interfaces: Streams never closes them; the producer ends with the JVM. */
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
