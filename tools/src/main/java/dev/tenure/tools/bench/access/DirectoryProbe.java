package dev.tenure.tools.bench.access;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.tenure.testkit.SambaAdDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What Samba AD itself says about people's accounts, read over LDAP as the administrator: the measurement is when the
 * directory shows a change, not when the service says it made it.
 */
final class DirectoryProbe implements AutoCloseable {

    /** userAccountControl's ACCOUNTDISABLE bit. */
    static final int ACCOUNT_DISABLED = 0x2;
    private static final int PAGE_SIZE = 500;

    private final LDAPConnection connection;
    private final String usersDn;

    DirectoryProbe(SambaAdDirectory samba) throws LDAPException {
        this.connection = new LDAPConnection("127.0.0.1", SambaAdDirectory.LDAP_PORT, samba.adminDn(),
                samba.adminPassword());
        this.usersDn = samba.usersDn();
    }

    static boolean disabled(int userAccountControl) {
        return (userAccountControl & ACCOUNT_DISABLED) != 0;
    }

    /** The person's userAccountControl, or empty when they have no account (found by {@code employeeID}). */
    OptionalInt userAccountControl(String personId) throws LDAPException {
        SearchRequest request = new SearchRequest(usersDn, SearchScope.ONE,
                Filter.createEqualityFilter("employeeID", personId), "userAccountControl");
        for (SearchResultEntry entry : connection.search(request).getSearchEntries()) {
            return OptionalInt.of(entry.getAttributeValueAsInteger("userAccountControl"));
        }
        return OptionalInt.empty();
    }

    /** userAccountControl by person id, for every account whose {@code employeeID} starts with {@code prefix}. */
    Map<String, Integer> userAccountControls(String prefix) throws LDAPException {
        SearchRequest request = new SearchRequest(usersDn, SearchScope.ONE,
                Filter.createSubstringFilter("employeeID", prefix, null, null), "employeeID", "userAccountControl");
        Map<String, Integer> found = new HashMap<>();
        ASN1OctetString cookie = null;
        do {
            // paged: AD answers at most MaxPageSize (1,000) entries to one plain search
            request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie));
            SearchResult page = connection.search(request);
            for (SearchResultEntry entry : page.getSearchEntries()) {
                found.put(entry.getAttributeValue("employeeID"), entry.getAttributeValueAsInteger("userAccountControl"));
            }
            SimplePagedResultsControl paging = SimplePagedResultsControl.get(page);
            cookie = paging == null || !paging.moreResultsToReturn() ? null : paging.getCookie();
        } while (cookie != null);
        return found;
    }

    @Override
    public void close() {
        connection.close();
    }
}
