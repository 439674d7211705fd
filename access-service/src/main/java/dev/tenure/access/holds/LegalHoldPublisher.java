package dev.tenure.access.holds;

import dev.tenure.schemas.access.LegalHoldChanged;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The single writer of {@code access-legal-holds}: a hold counts once the broker has it (acks=all, idempotent). */
@ApplicationScoped
public class LegalHoldPublisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tenure.registry.url")
    String registryUrl;

    private final Clock clock;
    private volatile KafkaProducer<String, LegalHoldChanged> producer;

    LegalHoldPublisher(Clock clock) {
        this.clock = clock;
    }

    /** Publishes the change and waits for the broker; {@link IllegalStateException} when it does not confirm. */
    public LegalHoldChanged publish(String personId, boolean hold, String reason, String actor) {
        String id = UUID.randomUUID().toString();
        LegalHoldChanged change = LegalHoldChanged.newBuilder().setEventId(id).setOccurredAt(clock.instant())
                .setCausationId(null).setCorrelationId(id).setSource("access-service").setPersonId(personId)
                .setHold(hold).setReason(reason).setActor(actor).build();
        try {
            producer().send(new ProducerRecord<>(Topics.ACCESS_LEGAL_HOLDS.name(), personId, change))
                    .get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return change;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("the broker did not confirm the legal hold: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private KafkaProducer<String, LegalHoldChanged> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = new HashMap<>();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
                    producer = new KafkaProducer<>(props, new StringSerializer(),
                            new RegistryAvroSerializer<>(Topics.ACCESS_LEGAL_HOLDS, registryUrl));
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
