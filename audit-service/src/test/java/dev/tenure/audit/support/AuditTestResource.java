package dev.tenure.audit.support;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TenurePeersTestResource;
import dev.tenure.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;

/**
 * The real broker and registry, the catalogue's topics (the broker creates none by itself; the chain waits for them),
 * and the test key pair whose public half the service verifies tokens with.
 */
public class AuditTestResource extends TenurePeersTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        createCatalogueTopics(TenurePeers.shared());
        config.putAll(TestTokens.serviceConfig());
        return config;
    }

    public static void createCatalogueTopics(TenurePeers peers) {
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
    }
}
