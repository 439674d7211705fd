package dev.tenure.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.peers.PeerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldReuseWhatTheLastUpSavedWhenNoOptionIsGiven() {
        // Given an up with its own ports and a simulated clock, anchored when it ran
        LocalSettings.resolve(Map.of("data-dir", dataDir.toString(), "kafka-port", "19092",
                        "clock-start", "2027-01-01T00:00:00Z", "clock-speed", "1440"))
                .anchoredAt(Instant.parse("2026-11-22T10:00:00Z")).save();

        // When status or down run with only the data folder
        LocalSettings later = LocalSettings.resolve(Map.of("data-dir", dataDir.toString()));

        // Then they see the same system
        assertThat(later.kafkaPort()).isEqualTo(19092);
        assertThat(later.registryPort()).isEqualTo(8085);
        assertThat(later.clockStart()).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(later.clockSpeed()).isEqualTo(1440);
        assertThat(later.clockAnchor()).contains(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void shouldKeepTheFirstAnchorSoServicesStartedLaterAgreeOnTheTime() {
        LocalSettings first = LocalSettings.resolve(Map.of("data-dir", dataDir.toString(),
                "clock-start", "2027-01-01T00:00:00Z")).anchoredAt(Instant.parse("2026-11-22T10:00:00Z"));

        assertThat(first.anchoredAt(Instant.parse("2026-11-22T11:00:00Z")).clockAnchor())
                .contains(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void shouldNameTheOptionAndTheValueItRejects() {
        assertThatThrownBy(() -> resolve("kafka-port", "99999"))
                .isInstanceOf(PeerException.class).hasMessage("--kafka-port must be a port number from 1 to 65535, was 99999");
        assertThatThrownBy(() -> resolve("registry-port", "eighty"))
                .isInstanceOf(PeerException.class).hasMessage("--registry-port must be a number, was 'eighty'");
        assertThatThrownBy(() -> resolve("clock-speed", "0"))
                .isInstanceOf(PeerException.class).hasMessage("--clock-speed must be > 0, was 0");
        assertThatThrownBy(() -> resolve("clock-start", "tomorrow"))
                .isInstanceOf(PeerException.class).hasMessageStartingWith("--clock-start must be an ISO-8601 instant");
        assertThatThrownBy(() -> resolve("kafak-port", "9092"))
                .isInstanceOf(PeerException.class).hasMessageStartingWith("unknown option --kafak-port");
    }

    @Test
    void shouldSayWhatToDoWithADamagedSettingsFile() throws Exception {
        Files.writeString(dataDir.resolve(LocalSettings.SAVED), "kafka-port=\\uZZZZ\n");

        assertThatThrownBy(() -> LocalSettings.resolve(Map.of("data-dir", dataDir.toString())))
                .isInstanceOf(PeerException.class).hasMessageContaining("is damaged")
                .hasMessageContaining("delete it");
    }

    private LocalSettings resolve(String option, String value) {
        return LocalSettings.resolve(Map.of("data-dir", dataDir.toString(), option, value));
    }
}
