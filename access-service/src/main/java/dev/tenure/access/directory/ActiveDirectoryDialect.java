package dev.tenure.access.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.GroupKind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Active Directory (and Samba AD): {@code user} objects found by {@code employeeID}, named by {@code sAMAccountName}
 * (≤ 20 characters) and {@code userPrincipalName}; disabled by the ACCOUNTDISABLE bit (2) of
 * {@code userAccountControl} (512 normal account, 514 disabled); groups whose {@code groupType} says security
 * (-2147483646, global security) or distribution (2, global distribution).
 *
 * <p>A new account gets a random strong password ({@code unicodePwd}, which AD accepts only over LDAPS) in the same
 * add request, so it can be enabled at once or later; nobody knows that password: the person gets theirs through
 * the help desk's reset flow. Without a password AD refuses to enable an account.
 */
public final class ActiveDirectoryDialect implements DirectoryDialect {

    public static final int NORMAL_ACCOUNT = 0x200;
    public static final int ACCOUNTDISABLE = 0x2;
    public static final int GLOBAL_SECURITY_GROUP = 0x80000002; // -2147483646
    public static final int GLOBAL_DISTRIBUTION_GROUP = 0x2;
    static final int SECURITY_ENABLED = 0x80000000;
    static final int MAX_SAM_ACCOUNT_NAME = 20;

    private static final String PASSWORD_CHARS_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String PASSWORD_CHARS_LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String PASSWORD_CHARS_DIGIT = "23456789";
    private static final String PASSWORD_CHARS_SYMBOL = "!#%+-.:=?@_";
    private static final int PASSWORD_LENGTH = 32;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String name() {
        return "active-directory";
    }

    @Override
    public void validate(DirectorySettings settings) {
        if (!settings.usesTls()) {
            throw new IllegalArgumentException("Active Directory accepts a password (unicodePwd) only over an encrypted"
                    + " connection, and enabling an account needs one: use ldaps:// URLs, not " + settings.urls());
        }
        if (settings.upnSuffix().isBlank()) {
            throw new IllegalArgumentException("Active Directory needs a userPrincipalName suffix (upnSuffix)");
        }
    }

    @Override
    public String personIdAttribute() {
        return "employeeID";
    }

    @Override
    public String loginAttribute() {
        return "sAMAccountName";
    }

    @Override
    public int maxLoginLength() {
        return MAX_SAM_ACCOUNT_NAME;
    }

    @Override
    public Filter accountFilter(String personId) {
        return Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "user"),
                Filter.createEqualityFilter("objectCategory", "person"),
                Filter.createEqualityFilter("employeeID", personId));
    }

    @Override
    public List<String> accountAttributes() {
        List<String> attributes = new ArrayList<>(List.of("employeeID", "sAMAccountName", "userPrincipalName", "mail",
                "userAccountControl", "manager"));
        attributes.addAll(profileAttributeNames());
        return attributes;
    }

    private static List<String> profileAttributeNames() {
        return List.of("givenName", "sn", "displayName", "department", "title", "company");
    }

    @Override
    public Filter namesInUseFilter(AccountNames names, DirectorySettings settings) {
        return Filter.createORFilter(Filter.createEqualityFilter("sAMAccountName", names.login()),
                Filter.createEqualityFilter("userPrincipalName", names.login() + "@" + settings.upnSuffix()),
                Filter.createEqualityFilter("mail", names.mailLocalPart() + "@" + settings.mailDomain()));
    }

    @Override
    public DN newAccountDn(DN usersBase, AccountProfile profile, AccountNames names, boolean disambiguate) {
        String cn = DirectoryValues.displayName(profile);
        return new DN(new RDN("cn", disambiguate ? cn + " (" + names.login() + ")" : cn), usersBase);
    }

    @Override
    public Entry newAccount(DN dn, AccountProfile profile, AccountNames names, Optional<DN> manager, boolean enabled,
                            DirectorySettings settings) {
        Entry entry = new Entry(dn);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        entry.addAttribute("cn", dn.getRDN().getAttributeValues()[0]);
        entry.addAttribute("sAMAccountName", names.login());
        entry.addAttribute("userPrincipalName", names.login() + "@" + settings.upnSuffix());
        entry.addAttribute("employeeID", profile.personId());
        entry.addAttribute("mail", names.mailLocalPart() + "@" + settings.mailDomain());
        profileAttributes(profile).forEach((name, value) -> value.ifPresent(v -> entry.addAttribute(name, v)));
        manager.ifPresent(m -> entry.addAttribute("manager", m.toString()));
        entry.addAttribute("userAccountControl", Integer.toString(NORMAL_ACCOUNT | (enabled ? 0 : ACCOUNTDISABLE)));
        entry.addAttribute(new Attribute("unicodePwd", unicodePwd(randomPassword())));
        return entry;
    }

    @Override
    public Map<String, Optional<String>> profileAttributes(AccountProfile profile) {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        values.put("givenName", DirectoryValues.present(profile.givenName()));
        values.put("sn", DirectoryValues.present(profile.familyName()));
        values.put("displayName", DirectoryValues.present(DirectoryValues.displayName(profile)));
        values.put("department", DirectoryValues.present(profile.department()));
        values.put("title", DirectoryValues.present(profile.jobTitle()));
        values.put("company", DirectoryValues.present(profile.agency()));
        return values;
    }

    @Override
    public boolean isEnabled(Entry account) {
        return (userAccountControl(account) & ACCOUNTDISABLE) == 0;
    }

    @Override
    public List<Modification> enabledChange(Entry account, boolean enabled) {
        int current = userAccountControl(account);
        int wanted = enabled ? current & ~ACCOUNTDISABLE : current | ACCOUNTDISABLE;
        return wanted == current ? List.of()
                : List.of(new Modification(ModificationType.REPLACE, "userAccountControl", Integer.toString(wanted)));
    }

    private static int userAccountControl(Entry account) {
        Integer value = account.getAttributeValueAsInteger("userAccountControl");
        return value == null ? NORMAL_ACCOUNT : value;
    }

    @Override
    public Filter groupFilter(String cn) {
        return Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"),
                Filter.createEqualityFilter("cn", cn));
    }

    @Override
    public List<String> groupAttributes() {
        return List.of("cn", "groupType", "mail");
    }

    @Override
    public Entry newGroup(DN dn, String cn, GroupKind kind, DN firstMember, DirectorySettings settings) {
        Entry entry = new Entry(dn);
        entry.addAttribute("objectClass", "top", "group");
        entry.addAttribute("cn", cn);
        entry.addAttribute("sAMAccountName", cn);
        entry.addAttribute("groupType",
                Integer.toString(kind == GroupKind.SECURITY ? GLOBAL_SECURITY_GROUP : GLOBAL_DISTRIBUTION_GROUP));
        if (kind == GroupKind.DISTRIBUTION) {
            entry.addAttribute("mail", DirectoryValues.listAddress(cn, settings));
        }
        entry.addAttribute("member", firstMember.toString());
        return entry;
    }

    @Override
    public GroupKind kindOf(Entry group) {
        Integer groupType = group.getAttributeValueAsInteger("groupType");
        return groupType != null && (groupType & SECURITY_ENABLED) != 0 ? GroupKind.SECURITY : GroupKind.DISTRIBUTION;
    }

    @Override
    public Optional<DN> emptyGroupMember() {
        return Optional.empty();
    }

    /** AD's password attribute: the password in double quotes, UTF-16LE. */
    static byte[] unicodePwd(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }

    /** 32 characters with upper and lower case letters, digits and symbols: meets any AD complexity policy. */
    String randomPassword() {
        String all = PASSWORD_CHARS_UPPER + PASSWORD_CHARS_LOWER + PASSWORD_CHARS_DIGIT + PASSWORD_CHARS_SYMBOL;
        char[] password = new char[PASSWORD_LENGTH];
        password[0] = pick(PASSWORD_CHARS_UPPER);
        password[1] = pick(PASSWORD_CHARS_LOWER);
        password[2] = pick(PASSWORD_CHARS_DIGIT);
        password[3] = pick(PASSWORD_CHARS_SYMBOL);
        for (int i = 4; i < password.length; i++) {
            password[i] = pick(all);
        }
        for (int i = password.length - 1; i > 0; i--) { // shuffle, so the classes are not always first
            int j = random.nextInt(i + 1);
            char c = password[i];
            password[i] = password[j];
            password[j] = c;
        }
        return new String(password);
    }

    private char pick(String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }
}
