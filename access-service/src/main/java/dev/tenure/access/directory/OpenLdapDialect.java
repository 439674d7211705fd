package dev.tenure.access.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.GroupKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenLDAP: {@code inetOrgPerson} accounts found by {@code employeeNumber}, named {@code uid=<login>}; disabled with
 * the ppolicy overlay's administrative lock ({@code pwdAccountLockedTime: 000001010000Z}, which needs a ppolicy
 * default policy with {@code pwdLockout: TRUE}); groups are {@code groupOfNames}, distribution lists carry the
 * auxiliary class {@code tenureMailGroup} (shipped as {@code directory/openldap/tenure.schema}) with a {@code mail}.
 *
 * <p>{@code groupOfNames} must have a member: removing the last real member leaves {@link #emptyGroupMember()} in
 * its place (the same DN as refint's {@code refint_nothing}), and the next member added replaces it.
 * Accounts get no password here: OpenLDAP refuses a simple bind to an entry without one.
 */
public final class OpenLdapDialect implements DirectoryDialect {

    /** ppolicy's "locked until an administrator unlocks it". */
    public static final String LOCKED_PERMANENTLY = "000001010000Z";
    public static final String DEFAULT_EMPTY_GROUP_MEMBER = "cn=nobody";
    public static final String MAIL_GROUP_CLASS = "tenureMailGroup";
    static final String LOCK_ATTRIBUTE = "pwdAccountLockedTime";
    static final int MAX_UID = 32;

    private final DN emptyGroupMember;

    public OpenLdapDialect() {
        this(DEFAULT_EMPTY_GROUP_MEMBER);
    }

    public OpenLdapDialect(String emptyGroupMember) {
        try {
            this.emptyGroupMember = new DN(emptyGroupMember);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not a DN: " + emptyGroupMember, e);
        }
    }

    @Override
    public String name() {
        return "openldap";
    }

    @Override
    public void validate(DirectorySettings settings) {
        // plain ldap:// works (no password is written); ldaps:// is recommended outside a test machine
    }

    @Override
    public String personIdAttribute() {
        return "employeeNumber";
    }

    @Override
    public String loginAttribute() {
        return "uid";
    }

    @Override
    public int maxLoginLength() {
        return MAX_UID;
    }

    @Override
    public Filter accountFilter(String personId) {
        return Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "inetOrgPerson"),
                Filter.createEqualityFilter("employeeNumber", personId));
    }

    @Override
    public List<String> accountAttributes() {
        return List.of("employeeNumber", "uid", "mail", "manager", LOCK_ATTRIBUTE, "cn", "givenName", "sn",
                "displayName", "departmentNumber", "title", "o");
    }

    @Override
    public Filter namesInUseFilter(AccountNames names, DirectorySettings settings) {
        return Filter.createORFilter(Filter.createEqualityFilter("uid", names.login()),
                Filter.createEqualityFilter("mail", names.mailLocalPart() + "@" + settings.mailDomain()));
    }

    @Override
    public DN newAccountDn(DN usersBase, AccountProfile profile, AccountNames names, boolean disambiguate) {
        return new DN(new RDN("uid", names.login()), usersBase); // the uid is unique already
    }

    @Override
    public Entry newAccount(DN dn, AccountProfile profile, AccountNames names, Optional<DN> manager, boolean enabled,
                            DirectorySettings settings) {
        Entry entry = new Entry(dn);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
        entry.addAttribute("uid", names.login());
        entry.addAttribute("employeeNumber", profile.personId());
        entry.addAttribute("mail", names.mailLocalPart() + "@" + settings.mailDomain());
        profileAttributes(profile).forEach((name, value) -> value.ifPresent(v -> entry.addAttribute(name, v)));
        manager.ifPresent(m -> entry.addAttribute("manager", m.toString()));
        if (!enabled) {
            entry.addAttribute(LOCK_ATTRIBUTE, LOCKED_PERMANENTLY); // in the same add: never enabled for a moment
        }
        return entry;
    }

    @Override
    public Map<String, Optional<String>> profileAttributes(AccountProfile profile) {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        values.put("cn", DirectoryValues.present(DirectoryValues.displayName(profile)));
        values.put("givenName", DirectoryValues.present(profile.givenName()));
        values.put("sn", DirectoryValues.present(profile.familyName()));
        values.put("displayName", DirectoryValues.present(DirectoryValues.displayName(profile)));
        values.put("departmentNumber", DirectoryValues.present(profile.department()));
        values.put("title", DirectoryValues.present(profile.jobTitle()));
        values.put("o", DirectoryValues.present(profile.agency()));
        return values;
    }

    @Override
    public boolean isEnabled(Entry account) {
        return !account.hasAttribute(LOCK_ATTRIBUTE);
    }

    @Override
    public List<Modification> enabledChange(Entry account, boolean enabled) {
        String lock = account.getAttributeValue(LOCK_ATTRIBUTE);
        if (enabled) {
            return lock == null ? List.of() : List.of(new Modification(ModificationType.DELETE, LOCK_ATTRIBUTE));
        }
        // a temporary lock-out (a real time stamp after failed binds) becomes the permanent administrative lock
        return LOCKED_PERMANENTLY.equals(lock) ? List.of()
                : List.of(new Modification(ModificationType.REPLACE, LOCK_ATTRIBUTE, LOCKED_PERMANENTLY));
    }

    @Override
    public Filter groupFilter(String cn) {
        return Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "groupOfNames"),
                Filter.createEqualityFilter("cn", cn));
    }

    @Override
    public List<String> groupAttributes() {
        return List.of("cn", "objectClass", "mail");
    }

    @Override
    public Entry newGroup(DN dn, String cn, GroupKind kind, DN firstMember, DirectorySettings settings) {
        Entry entry = new Entry(dn);
        if (kind == GroupKind.DISTRIBUTION) {
            entry.addAttribute("objectClass", "top", "groupOfNames", MAIL_GROUP_CLASS);
            entry.addAttribute("mail", DirectoryValues.listAddress(cn, settings));
        } else {
            entry.addAttribute("objectClass", "top", "groupOfNames");
        }
        entry.addAttribute("cn", cn);
        entry.addAttribute("member", firstMember.toString());
        return entry;
    }

    @Override
    public GroupKind kindOf(Entry group) {
        return group.hasObjectClass(MAIL_GROUP_CLASS) ? GroupKind.DISTRIBUTION : GroupKind.SECURITY;
    }

    @Override
    public Optional<DN> emptyGroupMember() {
        return Optional.of(emptyGroupMember);
    }
}
