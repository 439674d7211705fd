package dev.tenure.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.support.SambaConnections;
import dev.tenure.testkit.SambaAdDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The directory connector's lifecycle against a real Samba 4 Active Directory domain controller. */
class ActiveDirectoryConnectorIT extends DirectoryConnectorContract {

    private SambaAdDirectory samba;

    @Override
    void startDirectory() {
        samba = SambaAdDirectory.shared();
        System.out.printf("Samba AD: provisioning and certificates took %d ms%n", samba.provisioningTime().toMillis());
    }

    @Override
    DirectoryConnector newConnector(boolean createMissingGroups) {
        DirectorySettings settings = DirectorySettings.of(List.of(samba.ldapsUrl()), samba.adminDn(),
                        samba.adminPassword(), samba.usersDn(), samba.usersDn(), "example.test", samba.upnSuffix(),
                        createMissingGroups, Optional.of(samba.caCertificate()))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new DirectoryConnector(settings, new ActiveDirectoryDialect());
    }

    @Override
    LDAPConnection adminConnection() throws LDAPException {
        return SambaConnections.admin(samba);
    }

    @Override
    String usersBase() {
        return samba.usersDn();
    }

    @Override
    String groupsBase() {
        return samba.usersDn();
    }

    @Override
    void setPassword(String dn, String password) throws LDAPException {
        admin().modify(dn, new Modification(ModificationType.REPLACE, "unicodePwd",
                ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE)));
    }

    @Override
    void bindAs(String dn, String password) throws LDAPException {
        SambaConnections.bindAs(dn, password);
    }

    @Override
    void assertStoredDisabled(SearchResultEntry account, boolean disabled) {
        assertThat(account.getAttributeValueAsInteger("userAccountControl")).isEqualTo(disabled ? 514 : 512);
    }

    @Override
    void assertRefusedAsDisabled(LDAPException bindFailure) {
        assertThat(bindFailure.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
        assertThat(bindFailure.getDiagnosticMessage()).contains("data 533"); // AD: ERROR_ACCOUNT_DISABLED
    }

    @Override
    void assertKind(SearchResultEntry group, GroupKind kind) {
        assertThat(group.getAttributeValueAsInteger("groupType"))
                .isEqualTo(kind == GroupKind.SECURITY ? -2147483646 : 2);
    }

    @Override
    void stopServer() {
        samba.stopServer();
    }

    @Override
    void startServer() {
        samba.startServer();
    }
}
