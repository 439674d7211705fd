package dev.tenure.equipment.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's {@code kafka.*} settings and the registry URL, as plain client properties. */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url")
    String registryUrl;

    /** The registry's v3 API base URL. */
    public String registryUrl() {
        return registryUrl;
    }

    /** The shared {@code kafka.*} settings, to which a client adds its own. */
    public Map<String, Object> base() {
        return new HashMap<>(kafkaConfig);
    }
}
