package dev.tenure.access.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An in-process LDAP directory (UnboundID's in-memory server) for the local demo only, so {@code ./tenure up}
 * shows accounts and groups appear and disappear without a Samba or OpenLDAP install. It keeps no memberOf and no
 * password policy, so it is never a stand-in for a real directory in tests. Its entries are saved to an LDIF file
 * on close and loaded from it on start, so a demo survives a restart.
 */
public final class EmbeddedDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=tenure,dc=local";
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;
    public static final String USERS_DN = "ou=People," + BASE_DN;
    public static final String GROUPS_DN = "ou=Groups," + BASE_DN;

    private final InMemoryDirectoryServer server;
    private final Optional<Path> ldif;

    private EmbeddedDirectory(InMemoryDirectoryServer server, Optional<Path> ldif) {
        this.server = server;
        this.ldif = ldif;
    }

    /** Starts on a free loopback port, from {@code ldif} when it exists. */
    public static EmbeddedDirectory start(String adminPassword, Optional<Path> ldif) throws LDAPException {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.addAdditionalBindCredentials(ADMIN_DN, adminPassword);
            config.setSchema(null); // the OpenLDAP dialect's ppolicy and mail-group attributes are accepted as they are
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            if (ldif.isPresent() && Files.isRegularFile(ldif.get())) {
                server.importFromLDIF(true, ldif.get().toFile());
            } else {
                server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: tenure");
                server.add("dn: " + USERS_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: People");
                server.add("dn: " + GROUPS_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: Groups");
            }
            server.startListening();
            return new EmbeddedDirectory(server, ldif);
        } catch (LDIFException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot start the embedded directory: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    @Override
    public void close() {
        try {
            if (ldif.isPresent()) {
                Files.createDirectories(ldif.get().toAbsolutePath().getParent());
                server.exportToLDIF(ldif.get().toString(), false, true);
            }
        } catch (Exception e) {
            // the demo's directory is lost on this restart; nothing else depends on it
        } finally {
            server.shutDown(true);
        }
    }
}
