package dev.tenure.access.support;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TenurePeersTestResource;
import dev.tenure.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * The real broker and registry with the catalogue's topics, token verification with the test key pair, and a
 * fresh Kafka Streams state folder.
 */
public class AccessTestResource extends TenurePeersTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        TenurePeers peers = TenurePeers.shared();
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
        config.putAll(TestTokens.serviceConfig());
        config.put("tenure.registry.url", peers.registryUrl());
        config.put("quarkus.kafka-streams.bootstrap-servers", peers.bootstrapServers());
        try {
            config.put("kafka-streams.state.dir", Files.createTempDirectory("access-streams").toString());
            // the embedded demo directory saves itself on shutdown: into a temp folder, not the module
            config.put("tenure.access.directory.embedded-ldif",
                    Files.createTempDirectory("access-directory").resolve("directory.ldif").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }
}
