package dev.tenure.system;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.tenure.testkit.OpenLdapDirectory;
import java.util.HashMap;
import java.util.Map;

/**
 * The accounts in the directory (slapd) as access-service's OpenLDAP connector keeps them: found by
 * {@code employeeNumber} (the person id), disabled by the ppolicy lock {@code pwdAccountLockedTime}.
 */
final class DirectoryAccounts {

    enum Account { ENABLED, DISABLED }

    private DirectoryAccounts() {
    }

    /** Person id → account, for every account under the people's base. */
    static Map<String, Account> read(OpenLdapDirectory slapd) {
        try {
            LDAPURL url = new LDAPURL(slapd.url());
            try (LDAPConnection ldap = new LDAPConnection(url.getHost(), url.getPort(), slapd.adminDn(),
                    slapd.adminPassword())) {
                SearchRequest search = new SearchRequest(slapd.peopleDn(), SearchScope.SUB,
                        Filter.createPresenceFilter("employeeNumber"), "employeeNumber", "pwdAccountLockedTime");
                search.setSizeLimit(0);
                Map<String, Account> accounts = new HashMap<>();
                for (SearchResultEntry entry : ldap.search(search).getSearchEntries()) {
                    accounts.put(entry.getAttributeValue("employeeNumber"),
                            entry.hasAttribute("pwdAccountLockedTime") ? Account.DISABLED : Account.ENABLED);
                }
                return accounts;
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("could not read the accounts in " + slapd.url() + ": " + e.getMessage(), e);
        }
    }
}
