package dev.tenure.hr.support;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.util.Map;

/** The catalogue's topics, created on a test broker as the launcher creates them (the broker auto-creates none). */
public final class CatalogueTopics {

    private CatalogueTopics() {
    }

    public static void createOn(TenurePeers peers) {
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
    }

    /** On another broker than the shared one, with the shared registry. */
    public static void createOn(String bootstrapServers) {
        createOn(TenurePeers.from(Map.of(TenurePeers.BOOTSTRAP_ENV, bootstrapServers,
                TenurePeers.REGISTRY_ENV, TenurePeers.shared().registryUrl())));
    }
}
