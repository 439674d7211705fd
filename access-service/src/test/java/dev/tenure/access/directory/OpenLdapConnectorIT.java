package dev.tenure.access.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.testkit.OpenLdapDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The directory connector's lifecycle against a real OpenLDAP slapd with the memberof, refint and ppolicy overlays. */
class OpenLdapConnectorIT extends DirectoryConnectorContract {

    /** The schema a deployment loads for distribution lists; the test loads the very same file. */
    static final Path TENURE_SCHEMA = Path.of("src/main/resources/directory/openldap/tenure.schema");

    private OpenLdapDirectory slapd;

    @Override
    void startDirectory() {
        slapd = OpenLdapDirectory.start(List.of(TENURE_SCHEMA));
    }

    @AfterAll
    void closeDirectory() {
        if (slapd != null) {
            slapd.close();
        }
    }

    @Override
    DirectoryConnector newConnector(boolean createMissingGroups) {
        DirectorySettings settings = DirectorySettings.of(List.of(slapd.url()), slapd.adminDn(), slapd.adminPassword(),
                        slapd.peopleDn(), slapd.groupsDn(), "example.test", "", createMissingGroups, Optional.empty())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new DirectoryConnector(settings, new OpenLdapDialect(slapd.emptyGroupMember()));
    }

    @Override
    LDAPConnection adminConnection() throws LDAPException {
        LDAPURL url = new LDAPURL(slapd.url());
        LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort());
        connection.bind(slapd.adminDn(), slapd.adminPassword());
        return connection;
    }

    @Override
    String usersBase() {
        return slapd.peopleDn();
    }

    @Override
    String groupsBase() {
        return slapd.groupsDn();
    }

    /**
     * slapd 2.5's ppolicy removes {@code pwdAccountLockedTime} whenever an administrator changes a password (see
     * {@link #shouldLoseTheLockOnAnAdministratorsPasswordResetUntilDisableIsAppliedAgain}), so a reset that must
     * not enable the account puts the lock back, as a help desk tool for OpenLDAP has to.
     */
    @Override
    void setPassword(String dn, String password) throws LDAPException {
        String lock = admin().getEntry(dn, OpenLdapDialect.LOCK_ATTRIBUTE).getAttributeValue(OpenLdapDialect.LOCK_ATTRIBUTE);
        admin().modify(dn, new Modification(ModificationType.REPLACE, "userPassword", password));
        if (lock != null) {
            admin().modify(dn, new Modification(ModificationType.REPLACE, OpenLdapDialect.LOCK_ATTRIBUTE, lock));
        }
    }

    @Test
    void shouldFailRetryablyWhenTheDirectoryDoesNotAnswerInTime() throws Exception {
        AccountProfile person = person("Jean", "Bartik");
        DirectorySettings impatient = DirectorySettings.of(List.of(slapd.url()), slapd.adminDn(),
                        slapd.adminPassword(), slapd.peopleDn(), slapd.groupsDn(), "example.test", "", true,
                        Optional.empty())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500));
        try (DirectoryConnector connector = new DirectoryConnector(impatient, new OpenLdapDialect())) {
            connector.apply(new EnsureAccount(person, false));
            slapd.pauseServer();
            try {
                assertThatThrownBy(() -> connector.apply(new SetAccountEnabled(person.personId(), true)))
                        .isInstanceOfSatisfying(ConnectorException.class, e -> {
                            assertThat(e.retryable()).as(e.getMessage()).isTrue();
                            assertThat(e.getMessage()).contains("LDAP 85");
                        });
            } finally {
                slapd.resumeServer();
            }
            assertThat(connector.apply(new SetAccountEnabled(person.personId(), true)).changed()).isTrue();
        }
    }

    @Test
    void shouldLoseTheLockOnAnAdministratorsPasswordResetUntilDisableIsAppliedAgain() throws Exception {
        AccountProfile person = person("Sophie", "Wilson");
        connector.apply(new EnsureAccount(person, false));
        String dn = accountOf(person.personId()).getDN();

        admin().modify(dn, new Modification(ModificationType.REPLACE, "userPassword", PERSON_PASSWORD)); // a reset

        assertStoredDisabled(accountOf(person.personId()), false); // ppolicy dropped the lock
        bindAs(dn, PERSON_PASSWORD);
        ChangeResult relocked = connector.apply(new SetAccountEnabled(person.personId(), false));
        assertThat(relocked.changed()).as(relocked.detail()).isTrue();
        assertRefusedAsDisabled(bindFailure(dn, PERSON_PASSWORD));
    }

    @Override
    void bindAs(String dn, String password) throws LDAPException {
        LDAPURL url = new LDAPURL(slapd.url());
        try (LDAPConnection plain = new LDAPConnection(url.getHost(), url.getPort())) {
            plain.bind(dn, password);
        }
    }

    @Override
    void assertStoredDisabled(SearchResultEntry account, boolean disabled) {
        if (disabled) {
            assertThat(account.getAttributeValue("pwdAccountLockedTime")).isEqualTo("000001010000Z");
        } else {
            assertThat(account.hasAttribute("pwdAccountLockedTime")).isFalse();
        }
    }

    @Override
    void assertRefusedAsDisabled(LDAPException bindFailure) {
        // ppolicy answers a locked account like a wrong password (it tells no more without the ppolicy control)
        assertThat(bindFailure.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    }

    @Override
    void assertKind(SearchResultEntry group, GroupKind kind) {
        assertThat(group.hasObjectClass(OpenLdapDialect.MAIL_GROUP_CLASS)).isEqualTo(kind == GroupKind.DISTRIBUTION);
        assertThat(group.hasObjectClass("groupOfNames")).isTrue();
    }

    @Override
    void stopServer() {
        slapd.stopServer();
    }

    @Override
    void startServer() {
        slapd.startServer();
    }
}
