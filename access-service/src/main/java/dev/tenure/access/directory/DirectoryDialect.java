package dev.tenure.access.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.Modification;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.GroupKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between directories: which object classes and attributes an account and a group have, how the person
 * id and login name are stored, how an account is disabled, and how a group tells a security group from a
 * distribution list. {@link DirectoryConnector} does the rest (finding, comparing, changing only the difference,
 * classifying failures) the same way for all of them.
 */
public interface DirectoryDialect {

    /** For details and health reports, e.g. "active-directory". */
    String name();

    /** Fails with a clear message when the settings cannot work with this directory (e.g. AD without LDAPS). */
    void validate(DirectorySettings settings);

    /** The attribute holding the stable person id ({@code employeeID}, {@code employeeNumber}). */
    String personIdAttribute();

    /** The attribute holding the generated login name ({@code sAMAccountName}, {@code uid}). */
    String loginAttribute();

    int maxLoginLength();

    /** Finds the account of one person. */
    Filter accountFilter(String personId);

    /** The attributes to read of an account: the managed ones and those that tell whether it is enabled. */
    List<String> accountAttributes();

    /** Any entry that already uses one of these names (login, mail, AD's userPrincipalName). */
    Filter namesInUseFilter(AccountNames names, DirectorySettings settings);

    /** The DN of a new account; {@code disambiguate} when the plain one is taken by another entry. */
    DN newAccountDn(DN usersBase, AccountProfile profile, AccountNames names, boolean disambiguate);

    /** The entry of a new account, enabled or not, with {@link #profileAttributes} and the generated names. */
    Entry newAccount(DN dn, AccountProfile profile, AccountNames names, Optional<DN> manager, boolean enabled,
                     DirectorySettings settings);

    /** The attributes kept equal to the profile on every EnsureAccount; an empty value means "absent". */
    Map<String, Optional<String>> profileAttributes(AccountProfile profile);

    boolean isEnabled(Entry account);

    /** The modifications that enable or disable {@code account}; empty when it already is. */
    List<Modification> enabledChange(Entry account, boolean enabled);

    /** Finds a group by its cn. */
    Filter groupFilter(String cn);

    List<String> groupAttributes();

    /** A new group of {@code kind} with {@code firstMember} as its member. */
    Entry newGroup(DN dn, String cn, GroupKind kind, DN firstMember, DirectorySettings settings);

    GroupKind kindOf(Entry group);

    /**
     * A member value kept in groups that would otherwise be empty, for directories whose group class requires a
     * member (OpenLDAP's groupOfNames); empty when groups may be empty (Active Directory).
     */
    Optional<DN> emptyGroupMember();
}
