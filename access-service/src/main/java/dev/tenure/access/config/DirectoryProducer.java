package dev.tenure.access.config;

import dev.tenure.access.connector.Connector;
import dev.tenure.access.directory.ActiveDirectoryDialect;
import dev.tenure.access.directory.DirectoryConnector;
import dev.tenure.access.directory.DirectoryDialect;
import dev.tenure.access.directory.DirectorySettings;
import dev.tenure.access.directory.EmbeddedDirectory;
import dev.tenure.access.directory.OpenLdapDialect;
import com.unboundid.ldap.sdk.LDAPException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The directory connector, for the directory the configuration names (the embedded one by default). */
@ApplicationScoped
public class DirectoryProducer {

    private static final Logger LOG = Logger.getLogger(DirectoryProducer.class);

    private EmbeddedDirectory embedded;
    private DirectoryConnector connector;

    @Produces
    @Singleton
    Connector directory(DirectoryConfig config) {
        String kind = config.kind().trim().toLowerCase(Locale.ROOT);
        DirectoryDialect dialect;
        List<String> urls;
        switch (kind) {
            case "embedded":
                embedded = startEmbedded(config);
                urls = List.of(embedded.url());
                dialect = new OpenLdapDialect();
                LOG.infof("directory: the embedded demo directory at %s (not for production; set "
                        + "TENURE_ACCESS_DIRECTORY_KIND)", embedded.url());
                break;
            case "active-directory":
                urls = requireUrls(config);
                dialect = new ActiveDirectoryDialect();
                break;
            case "openldap":
                urls = requireUrls(config);
                dialect = new OpenLdapDialect();
                break;
            default:
                throw new IllegalArgumentException("tenure.access.directory.kind must be embedded, active-directory "
                        + "or openldap, was '" + config.kind() + "'");
        }
        DirectorySettings settings = new DirectorySettings(urls, config.bindDn(), config.bindPassword(),
                config.usersBaseDn(), config.groupsBaseDn(), config.mailDomain(), config.upnSuffix(),
                config.createMissingGroups(), config.trustedCertificates().map(Path::of), config.connectTimeout(),
                config.responseTimeout(), DirectorySettings.DEFAULT_MAX_CONNECTIONS);
        connector = new DirectoryConnector(settings, dialect);
        return connector;
    }

    private static List<String> requireUrls(DirectoryConfig config) {
        return config.urls().filter(urls -> !urls.isEmpty()).orElseThrow(() -> new IllegalArgumentException(
                "tenure.access.directory.urls is required for " + config.kind()));
    }

    private static EmbeddedDirectory startEmbedded(DirectoryConfig config) {
        try {
            return EmbeddedDirectory.start(config.bindPassword(), Optional.of(Path.of(config.embeddedLdif())));
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        if (connector != null) {
            connector.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
