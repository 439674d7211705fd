package dev.tenure.hr.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's Kafka and registry settings (the {@code kafka.*} configuration Quarkus collects,
 * plus the Apicurio registry URL), as plain client properties for the producers and the consumer.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url")
    String registryUrl;

    /** The registry's v3 API base URL. */
    String registryUrl() {
        return registryUrl;
    }

    /** The shared {@code kafka.*} settings plus the registry's, to which a client adds its own. */
    Map<String, Object> base() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put("apicurio.registry.url", registryUrl);
        return props;
    }
}
