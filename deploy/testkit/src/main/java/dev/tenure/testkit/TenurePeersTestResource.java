package dev.tenure.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real broker and registry of {@link TenurePeers#shared()}:
 * {@code @QuarkusTestResource(value = TenurePeersTestResource.class, restrictToAnnotatedClass = true)}.
 * The peers outlive each Quarkus boot and end with the test JVM.
 */
public class TenurePeersTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TenurePeers peers = TenurePeers.shared();
        return Map.of(
                "kafka.bootstrap.servers", peers.bootstrapServers(),
                "mp.messaging.connector.smallrye-kafka.apicurio.registry.url", peers.registryUrl(),
                "tenure.registry.url", peers.registryUrl());
    }

    @Override
    public void stop() {
        // The peers are shared by every test of this JVM; they stop when it ends.
    }
}
