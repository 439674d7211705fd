package dev.tenure.equipment.messaging;

import dev.tenure.equipment.streams.DeadLetters;
import dev.tenure.schemas.topics.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates this service's dead-letter topics when they are missing (the broker creates no topic by itself): one per
 * input, {@code equipment-service-<input>-dlq}, kept as long as the input.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);

    @Inject
    KafkaClientSettings settings;

    void ensure(@Observes StartupEvent startup) {
        Thread creator = new Thread(this::create, "dead-letter-topics");
        creator.setDaemon(true);
        creator.start();
    }

    private void create() {
        List<NewTopic> topics = DeadLetters.INPUTS.stream()
                .map(input -> new NewTopic(DeadLetters.topicFor(input.name()), input.partitions(), (short) -1)
                        .configs(Map.of("retention.ms", "-1")))
                .toList();
        try (Admin admin = Admin.create(settings.base())) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.infof("created dead-letter topic %s", topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("cannot create dead-letter topic %s: %s", topic.name(), e.getCause().getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("cannot create the dead-letter topics %s now: %s", Topics.class.getSimpleName(), e.getMessage());
        }
    }
}
