package dev.tenure.access.config;

import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorSet;
import dev.tenure.access.idp.KeycloakConnector;
import dev.tenure.access.idp.KeycloakSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The identity provider's {@link KeycloakConnector} when one is configured; a misconfigured one stops the service. */
@ApplicationScoped
public class IdentityProviderProducer {

    private static final Logger LOG = Logger.getLogger(IdentityProviderProducer.class);

    @Produces
    @Singleton
    ConnectorSet identityProvider(IdentityProviderConfig config, AccessConfig access) {
        Optional<KeycloakSettings> settings = settings(config);
        if (settings.isEmpty()) {
            return List::of;
        }
        Connector connector = new KeycloakConnector(settings.get(), Clock.systemUTC()); // token lifetimes are real time
        LOG.infof("identity provider %s: Keycloak realm %s at %s (client %s)", settings.get().targetSystem(),
                settings.get().realm(), settings.get().baseUrl(), settings.get().clientId());
        if (!access.managedTargets().contains(settings.get().targetSystem())) {
            LOG.warnf("identity provider %s is configured but not in tenure.access.managed-targets (%s): its MFA "
                    + "entitlements are planned, not commanded", settings.get().targetSystem(), access.managedTargets());
        }
        return () -> List.of(connector);
    }

    /** The settings, or empty when no base URL is configured. */
    static Optional<KeycloakSettings> settings(IdentityProviderConfig config) {
        if (config.baseUrl().isEmpty() || config.baseUrl().get().isBlank()) {
            return Optional.empty();
        }
        String prefix = "tenure.access.idp.";
        String clientId = config.clientId().filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalArgumentException(prefix + "client-id is required with " + prefix + "base-url"));
        String clientSecret = config.clientSecret().filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalArgumentException(prefix + "client-secret is required with " + prefix + "base-url"));
        return Optional.of(new KeycloakSettings(config.targetSystem(), URI.create(config.baseUrl().get()),
                config.realm(), clientId, clientSecret, config.mailDomain(), config.connectTimeout(),
                config.requestTimeout()));
    }
}
