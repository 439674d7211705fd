package dev.tenure.audit.dashboard;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TenurePeersTestResource;
import dev.tenure.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;

/**
 * The real broker and registry, the catalogue's topics (the broker creates none by itself; the SLE topology waits for
 * them), and the test key pair whose public half the service verifies tokens with.
 */
public class DashboardTestResource extends TenurePeersTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        TenurePeers peers = TenurePeers.shared();
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
        config.putAll(TestTokens.serviceConfig());
        return config;
    }
}
