package dev.tenure.access.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where accounts live ({@code tenure.access.directory.*}; environment {@code TENURE_ACCESS_DIRECTORY_*}). */
@ConfigMapping(prefix = "tenure.access.directory")
public interface DirectoryConfig {

    /** {@code embedded} (the local demo's in-process directory), {@code active-directory} or {@code openldap}. */
    @WithDefault("embedded")
    String kind();

    /** ldap:// or ldaps:// URLs (Active Directory needs ldaps://); unused for embedded. */
    Optional<List<String>> urls();

    @WithDefault("cn=admin,dc=tenure,dc=local")
    String bindDn();

    /** The bind password; for embedded, the in-process directory's admin password. */
    @WithDefault("tenure-demo")
    String bindPassword();

    @WithDefault("ou=People,dc=tenure,dc=local")
    String usersBaseDn();

    @WithDefault("ou=Groups,dc=tenure,dc=local")
    String groupsBaseDn();

    @WithDefault("example.gov")
    String mailDomain();

    @WithDefault("example.gov")
    String upnSuffix();

    /** Whether a membership in a missing group creates the group (of the entitlement's kind). */
    @WithDefault("true")
    boolean createMissingGroups();

    /** A PEM file of the certificates to trust for ldaps:// (e.g. the directory's CA). */
    Optional<String> trustedCertificates();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration responseTimeout();

    /** Embedded only: where its entries are saved between restarts. */
    @WithDefault("directory.ldif")
    String embeddedLdif();
}
