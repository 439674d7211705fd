package dev.tenure.access.directory;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import javax.net.ssl.X509TrustManager;

/**
 * The connection pool to one directory: fail-over over the configured URLs, LDAPS with host name verification,
 * connect and response timeouts, and one transparent retry of an operation whose pooled connection turned out to be
 * dead (e.g. after the directory restarted).
 */
final class DirectoryConnections {

    private DirectoryConnections() {
    }

    /**
     * Creates the pool without requiring the directory to be up: a directory that is down when the service starts
     * makes the first operations fail as retryable, not the service's start.
     */
    static LDAPConnectionPool pool(DirectorySettings settings) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        options.setFollowReferrals(false);
        options.setUseKeepAlive(true);

        String[] hosts = new String[settings.urls().size()];
        int[] ports = new int[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            try {
                LDAPURL url = new LDAPURL(settings.urls().get(i));
                hosts[i] = url.getHost();
                ports[i] = url.getPort();
            } catch (LDAPException e) {
                throw new IllegalArgumentException("not an LDAP URL: " + settings.urls().get(i), e);
            }
        }
        FailoverServerSet servers;
        if (settings.usesTls()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            try {
                SSLUtil ssl = new SSLUtil(trustManager(settings));
                servers = new FailoverServerSet(hosts, ports, ssl.createSSLSocketFactory(), options);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot set up LDAPS: " + e.getMessage(), e);
            }
        } else {
            servers = new FailoverServerSet(hosts, ports, options);
        }
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(servers,
                    new SimpleBindRequest(settings.bindDn(), settings.bindPassword()), 1, settings.maxConnections(), 1,
                    null, false);
            pool.setConnectionPoolName("tenure-directory");
            pool.setMaxWaitTimeMillis(settings.connectTimeout().toMillis());
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            pool.setCreateIfNecessary(true);
            return pool;
        } catch (LDAPException e) {
            // only thrown for what no retry can fix, since failed initial connections are tolerated
            throw new IllegalArgumentException(LdapFailures.reason("create the connection pool", e), e);
        }
    }

    private static X509TrustManager trustManager(DirectorySettings settings) throws GeneralSecurityException {
        if (settings.trustedCertificates().isPresent()) {
            return new PEMFileTrustManager(settings.trustedCertificates().get().toFile());
        }
        return JVMDefaultTrustManager.getInstance();
    }
}
