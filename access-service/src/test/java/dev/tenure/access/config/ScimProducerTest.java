package dev.tenure.access.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.access.scim.ScimSettings;
import java.time.Clock;
import java.time.Duration;
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
        return new ScimConfig.App() {
            @Override
            public String baseUrl() {
                return "https://slack.example/scim/v2/";
            }

            @Override
            public Optional<String> token() {
                return token;
            }

            @Override
            public Optional<String> tokenUrl() {
                return tokenUrl;
            }

            @Override
            public Optional<String> clientId() {
                return clientId;
            }

            @Override
            public Optional<String> clientSecret() {
                return clientSecret;
            }

            @Override
            public Optional<String> scope() {
                return Optional.empty();
            }

            @Override
            public String mailDomain() {
                return "example.gov";
            }

            @Override
            public boolean createMissingGroups() {
                return true;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
