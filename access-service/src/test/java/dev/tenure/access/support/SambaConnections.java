package dev.tenure.access.support;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.tenure.testkit.SambaAdDirectory;
import java.security.GeneralSecurityException;

/** Connections to the test kit's Samba AD for checking what the service did: as the admin (LDAPS) or as a user. */
public final class SambaConnections {

    private SambaConnections() {
    }

    public static LDAPConnection admin(SambaAdDirectory samba) throws LDAPException {
        try {
            SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(samba.caCertificate().toFile()));
            LDAPConnection connection = new LDAPConnection(ssl.createSSLSocketFactory(), "127.0.0.1",
                    SambaAdDirectory.LDAPS_PORT);
            connection.bind(samba.adminDn(), samba.adminPassword());
            return connection;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A simple bind as the user on plain LDAP (the domain controller allows it in the test kit). */
    public static void bindAs(String dn, String password) throws LDAPException {
        try (LDAPConnection plain = new LDAPConnection("127.0.0.1", SambaAdDirectory.LDAP_PORT)) {
            plain.bind(dn, password);
        }
    }
}
