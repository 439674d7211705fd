package dev.tenure.access.directory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the directory is and how the connector writes to it.
 *
 * @param urls                 one or more {@code ldap://host:port} or {@code ldaps://host:port} URLs of the same
 *                             directory, tried in order (fail-over); all of one scheme. Active Directory needs
 *                             {@code ldaps://}: it accepts a password ({@code unicodePwd}) only over an encrypted
 *                             connection
 * @param bindDn               the service account the connector binds as
 * @param bindPassword         its password
 * @param usersBaseDn          where accounts are created; accounts are searched for (by person id) in its subtree
 * @param groupsBaseDn         where missing groups are created; groups are searched for (by cn) in its subtree
 * @param mailDomain           the domain of generated mail addresses ({@code jose.garcia@<mailDomain>})
 * @param upnSuffix            the suffix of Active Directory's {@code userPrincipalName}
 *                             ({@code <sAMAccountName>@<upnSuffix>}); unused by OpenLDAP
 * @param createMissingGroups  whether a membership in a group that does not exist creates the group (of the
 *                             command's kind) or fails permanently
 * @param trustedCertificates  a PEM file of the certificates (e.g. the directory's CA) to trust for {@code ldaps://};
 *                             empty = the JVM's default trust store. Host names are always verified
 * @param connectTimeout       to open a connection (and to wait for one from the pool)
 * @param responseTimeout      for any one operation; past it the operation is abandoned and counts as retryable
 * @param maxConnections       the size of the connection pool
 */
public record DirectorySettings(List<String> urls, String bindDn, String bindPassword, String usersBaseDn,
                                String groupsBaseDn, String mailDomain, String upnSuffix, boolean createMissingGroups,
                                Optional<Path> trustedCertificates, Duration connectTimeout, Duration responseTimeout,
                                int maxConnections) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 4;

    public DirectorySettings {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one directory URL is needed");
        }
        long schemes = urls.stream().map(u -> u.substring(0, Math.max(0, u.indexOf(':'))).toLowerCase()).distinct()
                .count();
        if (schemes != 1) {
            throw new IllegalArgumentException("directory URLs must all be ldap:// or all ldaps://: " + urls);
        }
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(bindPassword, "bindPassword");
        Objects.requireNonNull(usersBaseDn, "usersBaseDn");
        Objects.requireNonNull(groupsBaseDn, "groupsBaseDn");
        Objects.requireNonNull(mailDomain, "mailDomain");
        Objects.requireNonNull(upnSuffix, "upnSuffix");
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    /** Settings with the default timeouts and pool size. */
    public static DirectorySettings of(List<String> urls, String bindDn, String bindPassword, String usersBaseDn,
                                       String groupsBaseDn, String mailDomain, String upnSuffix,
                                       boolean createMissingGroups, Optional<Path> trustedCertificates) {
        return new DirectorySettings(urls, bindDn, bindPassword, usersBaseDn, groupsBaseDn, mailDomain, upnSuffix,
                createMissingGroups, trustedCertificates, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS);
    }

    public DirectorySettings withCreateMissingGroups(boolean create) {
        return new DirectorySettings(urls, bindDn, bindPassword, usersBaseDn, groupsBaseDn, mailDomain, upnSuffix,
                create, trustedCertificates, connectTimeout, responseTimeout, maxConnections);
    }

    public DirectorySettings withTimeouts(Duration connect, Duration response) {
        return new DirectorySettings(urls, bindDn, bindPassword, usersBaseDn, groupsBaseDn, mailDomain, upnSuffix,
                createMissingGroups, trustedCertificates, connect, response, maxConnections);
    }

    public boolean usesTls() {
        return urls.get(0).toLowerCase().startsWith("ldaps:");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DirectorySettings[urls=" + urls + ", bindDn=" + bindDn + ", usersBaseDn=" + usersBaseDn
                + ", groupsBaseDn=" + groupsBaseDn + ", mailDomain=" + mailDomain + ", upnSuffix=" + upnSuffix
                + ", createMissingGroups=" + createMissingGroups + ", trustedCertificates=" + trustedCertificates
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnections=" + maxConnections + "]";
    }
}
