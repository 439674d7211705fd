package dev.tenure.access.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.access.idp.KeycloakSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityProviderProducerTest {

    @Test
    void shouldHaveNoIdentityProviderWithoutABaseUrl() {
        assertThat(IdentityProviderProducer.settings(config(Optional.empty(), Optional.empty(), Optional.empty())))
                .isEmpty();
        assertThat(IdentityProviderProducer.settings(config(Optional.of(" "), Optional.empty(), Optional.empty())))
                .isEmpty();
    }

    @Test
    void shouldMakeTheRealmsSettingsAndItsTokenEndpoint() {
        KeycloakSettings settings = IdentityProviderProducer.settings(config(Optional.of("https://login.example/"),
                Optional.of("tenure-access"), Optional.of("s3cret"))).orElseThrow();

        assertThat(settings.targetSystem()).isEqualTo("idp");
        assertThat(settings.baseUrl()).hasToString("https://login.example");
        assertThat(settings.tokenUrl()).hasToString("https://login.example/realms/tenure/protocol/openid-connect/token");
        assertThat(settings.adminUrl()).hasToString("https://login.example/admin/realms/tenure");
    }

    @Test
    void shouldRefuseABaseUrlWithoutClientCredentials() {
        assertThatThrownBy(() -> IdentityProviderProducer.settings(config(Optional.of("https://login.example"),
                Optional.empty(), Optional.of("s"))))
                .hasMessageContaining("tenure.access.idp.client-id");
        assertThatThrownBy(() -> IdentityProviderProducer.settings(config(Optional.of("https://login.example"),
                Optional.of("c"), Optional.empty())))
                .hasMessageContaining("tenure.access.idp.client-secret");
        assertThatThrownBy(() -> IdentityProviderProducer.settings(config(Optional.of("ldap://login.example"),
                Optional.of("c"), Optional.of("s"))))
                .hasMessageContaining("http(s)");
    }

    private static IdentityProviderConfig config(Optional<String> baseUrl, Optional<String> clientId,
                                                 Optional<String> clientSecret) {
        Map<String, String> properties = new HashMap<>();
        baseUrl.ifPresent(v -> properties.put("tenure.access.idp.base-url", v));
        clientId.ifPresent(v -> properties.put("tenure.access.idp.client-id", v));
        clientSecret.ifPresent(v -> properties.put("tenure.access.idp.client-secret", v));
        return ConfigMappings.of(IdentityProviderConfig.class, properties);
    }
}
