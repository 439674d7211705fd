package dev.tenure.access.config;

import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorSet;
import dev.tenure.access.connector.TokenSource;
import dev.tenure.access.scim.ScimConnector;
import dev.tenure.access.scim.ScimSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** One {@link ScimConnector} per configured SCIM application; a misconfigured one stops the service at start-up. */
@ApplicationScoped
public class ScimProducer {

    private static final Logger LOG = Logger.getLogger(ScimProducer.class);

    @Produces
    @Singleton
    ConnectorSet scimApplications(ScimConfig config, AccessConfig access) {
        Clock clock = Clock.systemUTC(); // real time: token lifetimes and Retry-After dates are the target's
        List<Connector> connectors = new ArrayList<>();
        for (Map.Entry<String, ScimConfig.App> app : new TreeMap<>(config.apps()).entrySet()) {
            ScimSettings settings = settings(app.getKey(), app.getValue(), clock);
            connectors.add(new ScimConnector(settings, clock));
            LOG.infof("SCIM application %s at %s (%s)", app.getKey(), settings.baseUrl(), settings.authorization());
            if (!access.managedTargets().contains(app.getKey())) {
                LOG.warnf("SCIM application %s is configured but not in tenure.access.managed-targets (%s): its "
                        + "entitlements are planned, not commanded", app.getKey(), access.managedTargets());
            }
        }
        return () -> connectors;
    }

    static ScimSettings settings(String target, ScimConfig.App app, Clock clock) {
        String prefix = "tenure.access.scim.apps." + target + ".";
        TokenSource authorization;
        if (app.token().isPresent()) {
            if (app.tokenUrl().isPresent()) {
                throw new IllegalArgumentException(prefix + "token and " + prefix + "token-url are exclusive");
            }
            authorization = TokenSource.bearer(app.token().get());
        } else if (app.tokenUrl().isPresent()) {
            authorization = TokenSource.clientCredentials(URI.create(app.tokenUrl().get()),
                    app.clientId().orElseThrow(() -> new IllegalArgumentException(prefix + "client-id is required "
                            + "with " + prefix + "token-url")),
                    app.clientSecret().orElseThrow(() -> new IllegalArgumentException(prefix + "client-secret is "
                            + "required with " + prefix + "token-url")),
                    app.scope(), clock);
        } else {
            throw new IllegalArgumentException("SCIM application " + target + " needs " + prefix + "token or "
                    + prefix + "token-url with client-id and client-secret");
        }
        return new ScimSettings(target, URI.create(app.baseUrl()), authorization, app.mailDomain(),
                app.createMissingGroups(), app.connectTimeout(), app.requestTimeout());
    }
}
