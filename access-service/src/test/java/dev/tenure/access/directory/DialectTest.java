package dev.tenure.access.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.GroupKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialectTest {

    private static final DirectorySettings AD = DirectorySettings.of(List.of("ldaps://dc1.example.test"),
            "cn=svc", "pw", "CN=Users,DC=example,DC=test", "OU=Groups,DC=example,DC=test", "example.test",
            "example.test", true, Optional.empty());
    private final ActiveDirectoryDialect ad = new ActiveDirectoryDialect();
    private final OpenLdapDialect openLdap = new OpenLdapDialect();

    @Test
    void shouldFlipOnlyTheDisableBitOfUserAccountControl() {
        Entry account = new Entry("cn=x", new com.unboundid.ldap.sdk.Attribute("userAccountControl", "66048"));

        assertThat(ad.isEnabled(account)).isTrue();
        assertThat(ad.enabledChange(account, true)).isEmpty();
        assertThat(ad.enabledChange(account, false))
                .containsExactly(new Modification(ModificationType.REPLACE, "userAccountControl", "66050"));
    }

    @Test
    void shouldCreateAdAccountsWith514OrElse512AndARandomPassword() throws Exception {
        AccountProfile jose = new AccountProfile("p1", "José", "García", Optional.empty(), "Agency", "Dept", "Title",
                Optional.empty());
        AccountNames names = AccountNames.candidate(jose, 1, 20);
        DN dn = ad.newAccountDn(new DN("CN=Users,DC=example,DC=test"), jose, names, false);

        Entry disabled = ad.newAccount(dn, jose, names, Optional.empty(), false, AD);
        Entry enabled = ad.newAccount(dn, jose, names, Optional.empty(), true, AD);

        assertThat(dn.toString()).isEqualTo("cn=José García,CN=Users,DC=example,DC=test");
        assertThat(disabled.getAttributeValue("userAccountControl")).isEqualTo("514");
        assertThat(enabled.getAttributeValue("userAccountControl")).isEqualTo("512");
        assertThat(disabled.getAttributeValue("userPrincipalName")).isEqualTo("jgarcia@example.test");
        assertThat(disabled.getAttributeValue("employeeID")).isEqualTo("p1");
        assertThat(disabled.getAttributeValue("company")).isEqualTo("Agency");
        String password = new String(disabled.getAttributeValueBytes("unicodePwd"), StandardCharsets.UTF_16LE);
        assertThat(password).startsWith("\"").endsWith("\"").hasSize(34);
        assertThat(ad.newAccountDn(new DN("CN=Users,DC=example,DC=test"), jose, names, true).toString())
                .isEqualTo("cn=José García (jgarcia),CN=Users,DC=example,DC=test");
    }

    @Test
    void shouldMakePasswordsWithEveryCharacterClass() {
        for (int i = 0; i < 200; i++) {
            String password = ad.randomPassword();
            assertThat(password).hasSize(32).containsPattern("[A-Z]").containsPattern("[a-z]")
                    .containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]");
        }
    }

    @Test
    void shouldTellGroupKindsByGroupTypeInAdAndByAuxiliaryClassInOpenLdap() throws Exception {
        DN member = new DN("cn=m,dc=example,dc=test");
        Entry security = ad.newGroup(new DN("cn=g,dc=example,dc=test"), "g", GroupKind.SECURITY, member, AD);
        Entry list = ad.newGroup(new DN("cn=All Staff,dc=example,dc=test"), "All Staff", GroupKind.DISTRIBUTION,
                member, AD);

        assertThat(security.getAttributeValue("groupType")).isEqualTo("-2147483646");
        assertThat(list.getAttributeValue("groupType")).isEqualTo("2");
        assertThat(list.getAttributeValue("mail")).isEqualTo("all-staff@example.test");
        assertThat(ad.kindOf(security)).isEqualTo(GroupKind.SECURITY);
        assertThat(ad.kindOf(list)).isEqualTo(GroupKind.DISTRIBUTION);

        Entry olList = openLdap.newGroup(new DN("cn=l,dc=example,dc=test"), "l", GroupKind.DISTRIBUTION, member, AD);
        Entry olGroup = openLdap.newGroup(new DN("cn=g,dc=example,dc=test"), "g", GroupKind.SECURITY, member, AD);
        assertThat(openLdap.kindOf(olList)).isEqualTo(GroupKind.DISTRIBUTION);
        assertThat(openLdap.kindOf(olGroup)).isEqualTo(GroupKind.SECURITY);
        assertThat(olGroup.getAttributeValues("member")).containsExactly(member.toString());
    }

    @Test
    void shouldLockPermanentlyEvenAnAccountThatIsOnlyTemporarilyLockedOut() {
        Entry lockedOut = new Entry("uid=x",
                new com.unboundid.ldap.sdk.Attribute(OpenLdapDialect.LOCK_ATTRIBUTE, "20261122101500Z"));
        Entry locked = new Entry("uid=x",
                new com.unboundid.ldap.sdk.Attribute(OpenLdapDialect.LOCK_ATTRIBUTE, "000001010000Z"));

        assertThat(openLdap.enabledChange(lockedOut, false)).containsExactly(
                new Modification(ModificationType.REPLACE, OpenLdapDialect.LOCK_ATTRIBUTE, "000001010000Z"));
        assertThat(openLdap.enabledChange(locked, false)).isEmpty();
        assertThat(openLdap.enabledChange(locked, true))
                .containsExactly(new Modification(ModificationType.DELETE, OpenLdapDialect.LOCK_ATTRIBUTE));
    }

    @Test
    void shouldRefuseActiveDirectoryWithoutLdaps() {
        DirectorySettings plain = DirectorySettings.of(List.of("ldap://dc1:389"), "cn=svc", "pw", "dc=x", "dc=x",
                "x", "x", true, Optional.empty());

        assertThatThrownBy(() -> new DirectoryConnector(plain, ad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ldaps://");
    }

    @Test
    void shouldNeverPrintThePassword() {
        assertThat(AD.toString()).doesNotContain("pw,").contains("cn=svc");
    }
}
