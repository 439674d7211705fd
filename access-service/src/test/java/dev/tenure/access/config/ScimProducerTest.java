package dev.tenure.access.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.access.scim.ScimSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScimProducerTest {

    @Test
    void shouldMakeOneApplicationsSettingsFromABearerToken() {
        ScimSettings settings = ScimProducer.settings("slack", app(Optional.of("t0ken"), Optional.empty(),
                Optional.empty(), Optional.empty()), Clock.systemUTC());

        assertThat(settings.targetSystem()).isEqualTo("slack");
        assertThat(settings.baseUrl()).hasToString("https://slack.example/scim/v2");
        assertThat(settings.authorization()).hasToString("static bearer token");
    }

    @Test
    void shouldMakeClientCredentialsWhenATokenUrlIsGiven() {
        ScimSettings settings = ScimProducer.settings("slack", app(Optional.empty(),
                Optional.of("https://login.example/token"), Optional.of("tenure"), Optional.of("s3cret")),
                Clock.systemUTC());

        assertThat(settings.authorization().toString()).contains("client credentials of tenure");
        assertThat(settings.authorization().toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseAnApplicationWithoutCredentialsOrWithBothKinds() {
        assertThatThrownBy(() -> ScimProducer.settings("slack", app(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), Clock.systemUTC()))
                .hasMessageContaining("tenure.access.scim.apps.slack.token");
        assertThatThrownBy(() -> ScimProducer.settings("slack", app(Optional.of("t"),
                Optional.of("https://login.example/token"), Optional.of("c"), Optional.of("s")), Clock.systemUTC()))
                .hasMessageContaining("exclusive");
        assertThatThrownBy(() -> ScimProducer.settings("slack", app(Optional.empty(),
                Optional.of("https://login.example/token"), Optional.empty(), Optional.of("s")), Clock.systemUTC()))
                .hasMessageContaining("client-id");
    }

    private static ScimConfig.App app(Optional<String> token, Optional<String> tokenUrl, Optional<String> clientId,
                                      Optional<String> clientSecret) {
        String prefix = "tenure.access.scim.apps.slack.";
        Map<String, String> properties = new HashMap<>();
        properties.put(prefix + "base-url", "https://slack.example/scim/v2/");
        token.ifPresent(v -> properties.put(prefix + "token", v));
        tokenUrl.ifPresent(v -> properties.put(prefix + "token-url", v));
        clientId.ifPresent(v -> properties.put(prefix + "client-id", v));
        clientSecret.ifPresent(v -> properties.put(prefix + "client-secret", v));
        return ConfigMappings.of(ScimConfig.class, properties).apps().get("slack");
    }
}
