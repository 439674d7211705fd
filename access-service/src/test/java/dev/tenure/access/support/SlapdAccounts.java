package dev.tenure.access.support;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.tenure.testkit.OpenLdapDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts in a slapd as an auditor would read them, independently of the service's connector: found by the
 * person id attribute the OpenLDAP connector writes ({@code employeeNumber}), locked when they carry ppolicy's
 * {@code pwdAccountLockedTime}, member of the groups their {@code memberOf} names.
 */
public final class SlapdAccounts {

    /** One account entry: its DN, whether it is locked, and the CNs of its groups. */
    public record Account(String dn, boolean locked, Set<String> groups) {
    }

    private SlapdAccounts() {
    }

    /** Every account entry of each of {@code personIds} (a list, so a duplicate account shows). */
    public static Map<String, List<Account>> of(OpenLdapDirectory slapd, Collection<String> personIds) {
        Set<String> wanted = Set.copyOf(personIds);
        Map<String, List<Account>> accounts = new HashMap<>();
        try {
            LDAPURL url = new LDAPURL(slapd.url());
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(), slapd.adminDn(),
                    slapd.adminPassword())) {
                // the rootdn is under no size limit
                SearchRequest search = new SearchRequest(slapd.peopleDn(), SearchScope.SUB,
                        "(&(objectClass=inetOrgPerson)(employeeNumber=*))", "employeeNumber", "pwdAccountLockedTime",
                        "memberOf");
                for (SearchResultEntry entry : connection.search(search).getSearchEntries()) {
                    String personId = entry.getAttributeValue("employeeNumber");
                    if (wanted.contains(personId)) {
                        accounts.computeIfAbsent(personId, p -> new ArrayList<>()).add(new Account(entry.getDN(),
                                entry.hasAttribute("pwdAccountLockedTime"), groupNames(entry)));
                    }
                }
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("could not read the accounts from " + slapd.url(), e);
        }
        return accounts;
    }

    private static Set<String> groupNames(SearchResultEntry entry) throws LDAPException {
        Set<String> names = new TreeSet<>();
        String[] groups = entry.getAttributeValues("memberOf");
        if (groups != null) {
            for (String group : groups) {
                names.add(new DN(group).getRDN().getAttributeValues()[0]);
            }
        }
        return names;
    }
}
