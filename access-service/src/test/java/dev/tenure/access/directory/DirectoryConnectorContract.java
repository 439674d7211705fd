package dev.tenure.access.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.GroupKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The lifecycle every directory dialect must pass, against a real directory: what the connector writes is read back
 * with separate plain LDAP searches (as the directory's admin), and binds are made as the person, so the
 * directory's own verdict is what is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DirectoryConnectorContract {

    static final String PERSON_PASSWORD = "Tq7!walrus-Fjord-42";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    DirectoryConnector connector;
    LDAPConnection admin;

    /** Starts (or reaches) the directory; called once before the tests. */
    abstract void startDirectory();

    abstract DirectoryConnector newConnector(boolean createMissingGroups);

    abstract LDAPConnection adminConnection() throws LDAPException;

    abstract String usersBase();

    /** Sets the person's password as the admin would (the help desk's reset), so the test can bind as them. */
    abstract void setPassword(String dn, String password) throws LDAPException;

    /** A simple bind as the person, on a connection of its own. */
    abstract void bindAs(String dn, String password) throws LDAPException;

    abstract void assertStoredDisabled(SearchResultEntry account, boolean disabled);

    /** The directory's own reason for refusing a disabled account's bind. */
    abstract void assertRefusedAsDisabled(LDAPException bindFailure);

    abstract void assertKind(SearchResultEntry group, GroupKind kind);

    abstract void stopServer();

    abstract void startServer();

    @BeforeAll
    void start() throws LDAPException {
        long begun = System.nanoTime();
        startDirectory();
        System.out.printf("%s: directory ready in %d ms%n", getClass().getSimpleName(),
                (System.nanoTime() - begun) / 1_000_000);
        connector = newConnector(true);
        admin = adminConnection();
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    // ---- accounts

    @Test
    void shouldCreateADisabledAccountWithItsProfileOnlyOnce() throws Exception {
        AccountProfile ada = person("Ada", "Lovelace");

        ChangeResult created = connector.apply(new EnsureAccount(ada, false));
        ChangeResult again = connector.apply(new EnsureAccount(ada, false));

        assertThat(created.changed()).as(created.detail()).isTrue();
        assertThat(again.changed()).as(again.detail()).isFalse();
        List<SearchResultEntry> found = accountsOf(ada.personId());
        assertThat(found).hasSize(1);
        SearchResultEntry account = found.get(0);
        assertThat(account.getAttributeValue(connector.dialect().loginAttribute())).isEqualTo("alovelace");
        assertThat(account.getAttributeValue("mail")).isEqualTo("ada.lovelace@example.test");
        assertThat(account.getAttributeValue("givenName")).isEqualTo("Ada");
        assertThat(account.getAttributeValue("sn")).isEqualTo("Lovelace");
        assertThat(account.getAttributeValue("displayName")).isEqualTo("Ada Lovelace");
        assertThat(account.getAttributeValue("title")).isEqualTo("Analyst");
        assertStoredDisabled(account, true);

        setPassword(account.getDN(), PERSON_PASSWORD);
        assertRefusedAsDisabled(bindFailure(account.getDN(), PERSON_PASSWORD));
    }

    @Test
    void shouldLetThePersonBindOnlyWhileEnabled() throws Exception {
        AccountProfile grace = person("Grace", "Hopper");
        connector.apply(new EnsureAccount(grace, false));
        String dn = accountOf(grace.personId()).getDN();
        setPassword(dn, PERSON_PASSWORD);

        ChangeResult enabled = connector.apply(new SetAccountEnabled(grace.personId(), true));
        ChangeResult enabledAgain = connector.apply(new SetAccountEnabled(grace.personId(), true));

        assertThat(enabled.changed()).as(enabled.detail()).isTrue();
        assertThat(enabledAgain.changed()).as(enabledAgain.detail()).isFalse();
        assertStoredDisabled(accountOf(grace.personId()), false);
        bindAs(dn, PERSON_PASSWORD); // succeeds

        ChangeResult disabled = connector.apply(new SetAccountEnabled(grace.personId(), false));
        ChangeResult disabledAgain = connector.apply(new SetAccountEnabled(grace.personId(), false));

        assertThat(disabled.changed()).as(disabled.detail()).isTrue();
        assertThat(disabledAgain.changed()).as(disabledAgain.detail()).isFalse();
        assertStoredDisabled(accountOf(grace.personId()), true);
        assertRefusedAsDisabled(bindFailure(dn, PERSON_PASSWORD));
    }

    @Test
    void shouldCreateAnEnabledAccountWhenTheCommandSaysEnabled() throws Exception {
        AccountProfile alan = person("Alan", "Turing");

        assertThat(connector.apply(new EnsureAccount(alan, true)).changed()).isTrue();

        assertStoredDisabled(accountOf(alan.personId()), false);
        assertThat(connector.apply(new EnsureAccount(alan, true)).changed()).isFalse();
    }

    @Test
    void shouldBringChangedProfileAttributesUpToDateAndEnableInOneCommand() throws Exception {
        AccountProfile katherine = person("Katherine", "Johnson");
        connector.apply(new EnsureAccount(katherine, false));
        AccountProfile promoted = new AccountProfile(katherine.personId(), "Katherine", "Johnson",
                Optional.of("Kathy"), "NASA", "Flight Research", "Senior Mathematician", Optional.empty());

        ChangeResult updated = connector.apply(new EnsureAccount(promoted, true));

        assertThat(updated.changed()).isTrue();
        assertThat(updated.detail()).contains("title", "displayName", "enabled").doesNotContain("givenName");
        SearchResultEntry account = accountOf(katherine.personId());
        assertThat(account.getAttributeValue("title")).isEqualTo("Senior Mathematician");
        assertThat(account.getAttributeValue("displayName")).isEqualTo("Kathy Johnson");
        assertThat(account.getAttributeValue(connector.dialect().loginAttribute())).isEqualTo("kjohnson");
        assertStoredDisabled(account, false);
        assertThat(connector.apply(new EnsureAccount(promoted, true)).changed()).isFalse();
    }

    @Test
    void shouldSetTheManagerToTheManagersAccount() throws Exception {
        AccountProfile boss = person("Margaret", "Hamilton");
        connector.apply(new EnsureAccount(boss, true));
        AccountProfile report = new AccountProfile(nextId(), "Dorothy", "Vaughan", Optional.empty(), "NASA",
                "Computing", "Programmer", Optional.of(boss.personId()));

        connector.apply(new EnsureAccount(report, false));

        assertThat(new DN(accountOf(report.personId()).getAttributeValue("manager")))
                .isEqualTo(new DN(accountOf(boss.personId()).getDN()));
    }

    @Test
    void shouldGiveNamesakesDistinctLoginNamesAndAddresses() throws Exception {
        AccountProfile first = person("José", "García");
        AccountProfile second = person("José", "García");

        connector.apply(new EnsureAccount(first, false));
        connector.apply(new EnsureAccount(second, false));

        String login = connector.dialect().loginAttribute();
        assertThat(accountOf(first.personId()).getAttributeValue(login)).isEqualTo("jgarcia");
        assertThat(accountOf(second.personId()).getAttributeValue(login)).isEqualTo("jgarcia2");
        assertThat(accountOf(first.personId()).getAttributeValue("mail")).isEqualTo("jose.garcia@example.test");
        assertThat(accountOf(second.personId()).getAttributeValue("mail")).isEqualTo("jose.garcia2@example.test");
        assertThat(accountOf(second.personId()).getDN()).isNotEqualTo(accountOf(first.personId()).getDN());
    }

    @Test
    void shouldDeleteTheAccountAndAnswerAlreadySoOnARepeat() throws Exception {
        AccountProfile leaver = person("Hedy", "Lamarr");
        connector.apply(new EnsureAccount(leaver, false));
        connector.apply(new EnsureMembership(leaver.personId(), "contract-leavers", GroupKind.SECURITY));

        ChangeResult deleted = connector.apply(new DeleteAccount(leaver.personId()));
        ChangeResult again = connector.apply(new DeleteAccount(leaver.personId()));

        assertThat(deleted.changed()).as(deleted.detail()).isTrue();
        assertThat(again.changed()).as(again.detail()).isFalse();
        assertThat(accountsOf(leaver.personId())).isEmpty();
    }

    @Test
    void shouldTreatDisablingAMissingAccountAsAlreadySoAndEnablingItAsPermanentFailure() throws Exception {
        String nobody = nextId();

        assertThat(connector.apply(new SetAccountEnabled(nobody, false)).changed()).isFalse();
        assertThatThrownBy(() -> connector.apply(new SetAccountEnabled(nobody, true)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse());
    }

    // ---- groups

    @Test
    void shouldManageSecurityGroupAndDistributionListMembershipsOneValueAtATime() throws Exception {
        AccountProfile mary = person("Mary", "Jackson");
        connector.apply(new EnsureAccount(mary, false));

        ChangeResult security = connector.apply(new EnsureMembership(mary.personId(), "vpn-users", GroupKind.SECURITY));
        ChangeResult list = connector.apply(new EnsureMembership(mary.personId(), "all-staff", GroupKind.DISTRIBUTION));
        ChangeResult securityAgain = connector.apply(
                new EnsureMembership(mary.personId(), "vpn-users", GroupKind.SECURITY));

        assertThat(security.changed()).as(security.detail()).isTrue();
        assertThat(list.changed()).as(list.detail()).isTrue();
        assertThat(securityAgain.changed()).as(securityAgain.detail()).isFalse();
        SearchResultEntry vpn = group("vpn-users");
        SearchResultEntry allStaff = group("all-staff");
        assertKind(vpn, GroupKind.SECURITY);
        assertKind(allStaff, GroupKind.DISTRIBUTION);
        assertThat(allStaff.getAttributeValue("mail")).isEqualTo("all-staff@example.test");
        assertThat(memberOf(mary.personId())).containsExactlyInAnyOrder(dn(vpn), dn(allStaff));

        ChangeResult removed = connector.apply(new RemoveMembership(mary.personId(), "vpn-users"));
        ChangeResult removedAgain = connector.apply(new RemoveMembership(mary.personId(), "vpn-users"));

        assertThat(removed.changed()).as(removed.detail()).isTrue();
        assertThat(removedAgain.changed()).as(removedAgain.detail()).isFalse();
        assertThat(memberOf(mary.personId())).containsExactly(dn(allStaff));
    }

    @Test
    void shouldAddToAGroupWithoutTouchingItsOtherMembers() throws Exception {
        AccountProfile one = person("Annie", "Easley");
        AccountProfile two = person("Evelyn", "Boyd");
        connector.apply(new EnsureAccount(one, false));
        connector.apply(new EnsureAccount(two, false));

        connector.apply(new EnsureMembership(one.personId(), "engineering", GroupKind.SECURITY));
        connector.apply(new EnsureMembership(two.personId(), "engineering", GroupKind.SECURITY));
        connector.apply(new RemoveMembership(one.personId(), "engineering"));

        DN engineering = dn(group("engineering"));
        assertThat(memberOf(one.personId())).doesNotContain(engineering);
        assertThat(memberOf(two.personId())).containsExactly(engineering);
    }

    @Test
    void shouldRemoveTheLastMemberAndAddOneAgain() throws Exception {
        AccountProfile only = person("Frances", "Allen");
        connector.apply(new EnsureAccount(only, false));
        connector.apply(new EnsureMembership(only.personId(), "solo-team", GroupKind.SECURITY));

        ChangeResult removed = connector.apply(new RemoveMembership(only.personId(), "solo-team"));
        ChangeResult addedBack = connector.apply(new EnsureMembership(only.personId(), "solo-team",
                GroupKind.SECURITY));

        assertThat(removed.changed()).as(removed.detail()).isTrue();
        assertThat(addedBack.changed()).as(addedBack.detail()).isTrue();
        SearchResultEntry soloTeam = admin.getEntry(group("solo-team").getDN(), "member");
        assertThat(soloTeam.getAttributeValues("member")).containsExactly(accountOf(only.personId()).getDN());
    }

    @Test
    void shouldFailPermanentlyForAGroupThatDoesNotExistWhenCreationIsOff() throws Exception {
        AccountProfile person = person("Radia", "Perlman");
        connector.apply(new EnsureAccount(person, false));
        try (DirectoryConnector strict = newConnector(false)) {
            assertThatThrownBy(() -> strict.apply(
                    new EnsureMembership(person.personId(), "no-such-group", GroupKind.SECURITY)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("no-such-group");
                    });
        }
    }

    @Test
    void shouldReportItselfHealthy() {
        assertThat(connector.test().up()).as(connector.test().detail()).isTrue();
    }

    // ---- the directory goes away and comes back (last: it stops the shared server for a moment)

    @Test
    @Order(Integer.MAX_VALUE)
    void shouldFailRetryablyWhileTheDirectoryIsStoppedAndWorkAgainWhenItIsBack() throws Exception {
        AccountProfile person = person("Barbara", "Liskov");
        connector.apply(new EnsureAccount(person, false)); // the pool holds a live connection now
        stopServer();
        try {
            assertThatThrownBy(() -> connector.apply(new SetAccountEnabled(person.personId(), true)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.retryable()).as(e.getMessage()).isTrue();
                        assertThat(e.getMessage()).contains("LDAP");
                    });
            assertThat(connector.test().up()).isFalse();
        } finally {
            startServer();
        }
        assertThat(connector.apply(new SetAccountEnabled(person.personId(), true)).changed()).isTrue();
        assertThat(connector.test().up()).isTrue();
    }

    // ---- helpers

    AccountProfile person(String given, String family) {
        return new AccountProfile(nextId(), given, family, Optional.empty(), "Department of Examples", "Research",
                "Analyst", Optional.empty());
    }

    static String nextId() {
        return "T" + ProcessHandle.current().pid() + "-" + PEOPLE.incrementAndGet();
    }

    List<SearchResultEntry> accountsOf(String personId) throws LDAPException {
        return admin().search(usersBase(), SearchScope.SUB,
                        Filter.createEqualityFilter(connector.dialect().personIdAttribute(), personId), "*", "+")
                .getSearchEntries();
    }

    SearchResultEntry accountOf(String personId) throws LDAPException {
        List<SearchResultEntry> found = accountsOf(personId);
        assertThat(found).as("accounts of " + personId).hasSize(1);
        return found.get(0);
    }

    List<DN> memberOf(String personId) throws LDAPException {
        String[] values = accountOf(personId).getAttributeValues("memberOf");
        List<DN> dns = new java.util.ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            dns.add(new DN(value));
        }
        return dns;
    }

    static DN dn(SearchResultEntry entry) throws LDAPException {
        return entry.getParsedDN();
    }

    SearchResultEntry group(String cn) throws LDAPException {
        List<SearchResultEntry> found = admin().search(groupsBase(), SearchScope.SUB,
                Filter.createEqualityFilter("cn", cn), "*").getSearchEntries();
        assertThat(found).as("groups named " + cn).hasSize(1);
        return found.get(0);
    }

    abstract String groupsBase();

    LDAPConnection admin() throws LDAPException {
        if (admin == null || !admin.isConnected()) {
            admin = adminConnection();
        }
        return admin;
    }

    LDAPException bindFailure(String dn, String password) {
        try {
            bindAs(dn, password);
        } catch (LDAPException e) {
            return e;
        }
        throw new AssertionError("the bind as " + dn + " succeeded; it should have been refused");
    }
}
