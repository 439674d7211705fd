package dev.tenure.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.peers.PeerException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenurePeersTest {

    @Test
    void shouldRefuseHalfAConfigurationOfExistingPeers() {
        assertThatThrownBy(() -> TenurePeers.from(Map.of(TenurePeers.BOOTSTRAP_ENV, "127.0.0.1:9092")))
                .isInstanceOf(PeerException.class)
                .hasMessageContaining(TenurePeers.REGISTRY_ENV);
    }

    @Test
    void shouldSayWhichExistingBrokerDoesNotAnswer() {
        assertThatThrownBy(() -> TenurePeers.from(Map.of(
                TenurePeers.BOOTSTRAP_ENV, "127.0.0.1:1",
                TenurePeers.REGISTRY_ENV, "http://127.0.0.1:1/apis/registry/v3")))
                .isInstanceOf(PeerException.class)
                .hasMessageContaining("127.0.0.1:1 does not answer as a Kafka cluster");
    }
}
