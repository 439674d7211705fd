package dev.tenure.audit.sle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.domain.SleSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SleConfigTest {

    @Test
    void shouldDefaultToTheDocumentsExpectations() {
        SleConfig config = mapping(Map.of());

        assertThat(config.settings()).isEqualTo(SleSettings.DEFAULTS);
        assertThat(config.checkInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldReadEveryKeyUnderItsPrefix() {
        SleConfig config = mapping(Map.of(
                "tenure.audit.sle.notice-days", "10",
                "tenure.audit.sle.deprovisioning-window-days", "7",
                "tenure.audit.sle.mover-window-days", "0",
                "tenure.audit.sle.cut-off-account-systems", "*",
                "tenure.audit.sle.cut-off-entitlements", "vpn,remote-desktop",
                "tenure.audit.sle.final-after", "P60D",
                "tenure.audit.sle.measured-from", "2026-01-01T05:00:00Z",
                "tenure.audit.sle.targets.deprovisioned-within-14-days", "0.95",
                "tenure.audit.sle.targets.mover-prior-access-removed", "1"));

        SleSettings settings = config.settings();

        assertThat(settings.noticeDays()).isEqualTo(10);
        assertThat(settings.deprovisioningWindowDays()).isEqualTo(7);
        assertThat(settings.moverWindowDays()).isZero();
        assertThat(settings.cutOffAccountSystems()).isEmpty();
        assertThat(settings.cutOffEntitlements()).isEqualTo(Set.of("vpn", "remote-desktop"));
        assertThat(settings.finalAfter()).isEqualTo(Duration.ofDays(60));
        assertThat(settings.measuredFrom()).isEqualTo(java.time.Instant.parse("2026-01-01T05:00:00Z"));
        assertThat(settings.target(Sle.DEPROVISIONED_WITHIN_14_DAYS)).isEqualTo(0.95);
        assertThat(settings.target(Sle.MOVER_PRIOR_ACCESS_REMOVED)).isEqualTo(1.0);
        assertThat(settings.target(Sle.PROVISIONED_BEFORE_START)).isEqualTo(0.9);
    }

    @Test
    void shouldRefuseATargetAboveOneHundredPercent() {
        SleConfig config = mapping(Map.of("tenure.audit.sle.targets.access-cut-on-end-date", "100"));

        assertThatThrownBy(config::settings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ACCESS_CUT_ON_END_DATE");
    }

    private static SleConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SleConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(SleConfig.class);
    }
}
