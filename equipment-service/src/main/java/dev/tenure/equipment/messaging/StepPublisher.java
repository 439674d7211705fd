package dev.tenure.equipment.messaging;

import dev.tenure.equipment.domain.DesksideStep;
import dev.tenure.equipment.streams.EventMapper;
import dev.tenure.schemas.equipment.DesksideStepSubmitted;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts deskside steps on {@code equipment-deskside-steps}, keyed by person id (acks=all, idempotent), so the topology
 * applies them in order with the person's lifecycle events.
 */
@ApplicationScoped
public class StepPublisher {

    private static final String TOPIC = Topics.EQUIPMENT_DESKSIDE_STEPS.name();

    @Inject
    KafkaClientSettings settings;

    @ConfigProperty(name = "tenure.equipment.publish-timeout", defaultValue = "10s")
    Duration timeout;

    private volatile KafkaProducer<String, DesksideStepSubmitted> producer;

    /** Sends the steps in order and waits until the broker has every one. */
    public void publish(List<DesksideStep> steps) throws BrokerUnavailableException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (DesksideStep step : steps) {
                sent.add(producer().send(new ProducerRecord<>(TOPIC, step.personId(), EventMapper.toSubmitted(step))));
            }
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException("the broker did not take the step: " + e.getMessage(), e);
        }
        for (Future<RecordMetadata> ack : sent) {
            try {
                ack.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new BrokerUnavailableException("the broker did not confirm the step: "
                        + e.getCause().getMessage(), e);
            } catch (TimeoutException e) {
                throw new BrokerUnavailableException("the broker did not confirm the step in " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("interrupted while waiting for the broker", e);
            }
        }
    }

    private KafkaProducer<String, DesksideStepSubmitted> producer() {
        KafkaProducer<String, DesksideStepSubmitted> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = settings.base();
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
                    int millis = (int) timeout.toMillis();
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, millis / 2));
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
                    producer = new KafkaProducer<>(props, new StringSerializer(),
                            new RegistryAvroSerializer<>(Topics.EQUIPMENT_DESKSIDE_STEPS, settings.registryUrl()));
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
