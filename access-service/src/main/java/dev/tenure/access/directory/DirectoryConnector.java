package dev.tenure.access.directory;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.CompareRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.tenure.access.connector.AccountConnector;
import dev.tenure.access.connector.AccountProfile;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.ConnectorHealth;
import dev.tenure.access.connector.GroupKind;
import dev.tenure.access.connector.MembershipConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory connector: accounts, enable/disable, security groups and distribution lists in Active Directory or
 * OpenLDAP (the {@link DirectoryDialect} says which). Every command reads first and changes only the difference, so
 * a replayed command answers {@link ChangeResult#alreadySo}; accounts are found by the person id, never by name.
 * Memberships are changed one value at a time on the group's {@code member} attribute, never by rewriting the group.
 *
 * <p>Thread-safe; operations on different people may run in parallel over the pool. Two commands for the same
 * person should not (the executor keeps one person's commands in order).
 */
public final class DirectoryConnector implements MembershipConnector, AutoCloseable {

    public static final String TARGET_SYSTEM = "directory";
    /** How many numbered login names ({@code jgarcia2} ... ) are tried before giving up. */
    static final int MAX_NAME_CANDIDATES = 99;
    private static final String[] NO_ATTRIBUTES = {"1.1"};

    private final DirectorySettings settings;
    private final DirectoryDialect dialect;
    private final DN usersBase;
    private final DN groupsBase;
    private final LDAPConnectionPool pool;
    private volatile DN namingContext;

    public DirectoryConnector(DirectorySettings settings, DirectoryDialect dialect) {
        this.settings = settings;
        this.dialect = dialect;
        dialect.validate(settings);
        this.usersBase = dn(settings.usersBaseDn(), "usersBaseDn");
        this.groupsBase = dn(settings.groupsBaseDn(), "groupsBaseDn");
        this.pool = DirectoryConnections.pool(settings);
    }

    @Override
    public String targetSystem() {
        return TARGET_SYSTEM;
    }

    public DirectoryDialect dialect() {
        return dialect;
    }

    @Override
    public ConnectorHealth test() {
        try {
            RootDSE root = pool.getRootDSE();
            if (root == null) {
                return ConnectorHealth.down(dialect.name() + " at " + settings.urls() + ": no root DSE readable");
            }
            for (DN base : List.of(usersBase, groupsBase)) {
                if (pool.getEntry(base.toString(), "1.1") == null) {
                    return ConnectorHealth.down(dialect.name() + " at " + settings.urls() + ": base entry " + base
                            + " not found (or not readable by " + settings.bindDn() + ")");
                }
            }
            return ConnectorHealth.up(dialect.name() + " at " + settings.urls() + ": bound as " + settings.bindDn()
                    + ", read " + usersBase + " and " + groupsBase);
        } catch (LDAPException e) {
            return ConnectorHealth.down(dialect.name() + " at " + settings.urls() + ": "
                    + LdapFailures.reason("bind and read the base entries", e));
        }
    }

    @Override
    public String description() {
        return "the directory (" + dialect.name() + ")";
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- accounts

    @Override
    public ChangeResult ensureAccount(AccountProfile profile, boolean enabled) throws ConnectorException {
        Optional<SearchResultEntry> existing = findAccount(profile.personId());
        if (existing.isEmpty()) {
            return createAccount(profile, enabled);
        }
        return updateAccount(existing.get(), profile, enabled);
    }

    private ChangeResult createAccount(AccountProfile profile, boolean enabled) throws ConnectorException {
        Optional<DN> manager = managerDn(profile).orElse(Optional.empty());
        int n = 1;
        for (int attempt = 0; attempt < 3; attempt++) {
            AccountNames names = null;
            for (; n <= MAX_NAME_CANDIDATES && names == null; n++) {
                AccountNames candidate = AccountNames.candidate(profile, n, dialect.maxLoginLength());
                if (!namesInUse(candidate)) {
                    names = candidate;
                }
            }
            if (names == null) {
                throw ConnectorException.permanent("no free login name for person " + profile.personId() + " after "
                        + MAX_NAME_CANDIDATES + " candidates", null);
            }
            DN dn = dialect.newAccountDn(usersBase, profile, names, false);
            if (exists(dn)) {
                dn = dialect.newAccountDn(usersBase, profile, names, true);
            }
            Entry entry = dialect.newAccount(dn, profile, names, manager, enabled, settings);
            try {
                pool.add(new AddRequest(entry));
                return ChangeResult.changed("created account " + names.login() + (enabled ? " (enabled)" : " (disabled)"));
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS
                        && e.getResultCode() != ResultCode.CONSTRAINT_VIOLATION) {
                    throw LdapFailures.classify("add account " + names.login(), e);
                }
                // Someone took the name (or the DN) since we looked, or the same command ran concurrently.
                Optional<SearchResultEntry> concurrent = findAccount(profile.personId());
                if (concurrent.isPresent()) {
                    return updateAccount(concurrent.get(), profile, enabled);
                }
                if (e.getResultCode() == ResultCode.CONSTRAINT_VIOLATION && !namesInUse(names) && !exists(dn)) {
                    throw LdapFailures.classify("add account " + names.login(), e); // a real constraint
                }
            }
        }
        throw ConnectorException.retryable("login names for person " + profile.personId()
                + " kept being taken while creating the account", null);
    }

    private ChangeResult updateAccount(SearchResultEntry account, AccountProfile profile, boolean enabled)
            throws ConnectorException {
        List<Modification> changes = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Optional<String>> wanted : dialect.profileAttributes(profile).entrySet()) {
            String current = account.getAttributeValue(wanted.getKey());
            Optional<String> value = wanted.getValue();
            if (value.isEmpty() && current != null) {
                changes.add(new Modification(ModificationType.DELETE, wanted.getKey()));
                changed.add(wanted.getKey());
            } else if (value.isPresent() && !value.get().equals(current)) {
                changes.add(new Modification(ModificationType.REPLACE, wanted.getKey(), value.get()));
                changed.add(wanted.getKey());
            }
        }
        Optional<Optional<DN>> manager = managerDn(profile);
        if (manager.isPresent()) { // unknown when the manager has no account yet: left as it is
            String current = account.getAttributeValue("manager");
            if (manager.get().isEmpty() && current != null) {
                changes.add(new Modification(ModificationType.DELETE, "manager"));
                changed.add("manager");
            } else if (manager.get().isPresent() && !sameDn(manager.get().get(), current)) {
                changes.add(new Modification(ModificationType.REPLACE, "manager", manager.get().get().toString()));
                changed.add("manager");
            }
        }
        List<Modification> enabling = dialect.enabledChange(account, enabled);
        changes.addAll(enabling);
        String login = login(account);
        if (changes.isEmpty()) {
            return ChangeResult.alreadySo("account " + login + " already as described ("
                    + (enabled ? "enabled" : "disabled") + ")");
        }
        modify(account.getDN(), changes, "update account " + login);
        if (!enabling.isEmpty()) {
            changed.add(enabled ? "enabled" : "disabled");
        }
        return ChangeResult.changed("updated account " + login + ": " + String.join(", ", changed));
    }

    @Override
    public ChangeResult setAccountEnabled(String personId, boolean enabled) throws ConnectorException {
        Optional<SearchResultEntry> account = findAccount(personId);
        if (account.isEmpty()) {
            return AccountConnector.noAccount(personId, enabled, "under " + usersBase);
        }
        String login = login(account.get());
        List<Modification> changes = dialect.enabledChange(account.get(), enabled);
        if (changes.isEmpty()) {
            return ChangeResult.alreadySo("account " + login + " already " + (enabled ? "enabled" : "disabled"));
        }
        modify(account.get().getDN(), changes, (enabled ? "enable" : "disable") + " account " + login);
        return ChangeResult.changed((enabled ? "enabled" : "disabled") + " account " + login);
    }

    @Override
    public ChangeResult deleteAccount(String personId) throws ConnectorException {
        Optional<SearchResultEntry> account = findAccount(personId);
        if (account.isEmpty()) {
            return ChangeResult.alreadySo("no account for person " + personId);
        }
        String login = login(account.get());
        try {
            pool.delete(new DeleteRequest(account.get().getDN()));
            return ChangeResult.changed("deleted account " + login);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return ChangeResult.alreadySo("account " + login + " was already deleted");
            }
            throw LdapFailures.classify("delete account " + login, e);
        }
    }

    // ---- memberships

    @Override
    public ChangeResult ensureMembership(String personId, String groupName, GroupKind kind)
            throws ConnectorException {
        SearchResultEntry account = findAccount(personId).orElseThrow(() -> ConnectorException.permanent(
                "no account for person " + personId + " under " + usersBase
                        + ": the account must exist before its memberships", null));
        DN member = parse(account.getDN());
        String login = login(account);
        Optional<SearchResultEntry> group = findGroup(groupName);
        if (group.isEmpty()) {
            if (!settings.createMissingGroups()) {
                throw ConnectorException.permanent("no group '" + groupName + "' under " + groupsBase
                        + " and creating missing groups is off", null);
            }
            DN groupDn = groupDn(groupName);
            Entry entry = dialect.newGroup(groupDn, cnOf(groupName), kind, member, settings);
            try {
                pool.add(new AddRequest(entry));
                return ChangeResult.changed("created " + kindWord(kind) + " " + groupDn + " with member "
                        + login);
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                    throw LdapFailures.classify("create group " + groupDn, e);
                }
                group = findGroup(groupName); // created concurrently: add the member below
                if (group.isEmpty()) {
                    throw ConnectorException.permanent("group " + groupDn
                            + " exists but is not a group this connector can manage", e);
                }
            }
        }
        String groupDn = group.get().getDN();
        if (isMember(groupDn, member)) {
            return ChangeResult.alreadySo(login + " already a member of " + groupDn);
        }
        try {
            pool.modify(new ModifyRequest(groupDn, new Modification(ModificationType.ADD, "member", member.toString())));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS
                    || e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) { // AD says 68 for a present member
                return ChangeResult.alreadySo(login + " already a member of " + groupDn);
            }
            throw LdapFailures.classify("add " + login + " to " + groupDn, e);
        }
        Optional<DN> placeholder = dialect.emptyGroupMember();
        if (placeholder.isPresent() && isMember(groupDn, placeholder.get())) {
            try {
                pool.modify(new ModifyRequest(groupDn,
                        new Modification(ModificationType.DELETE, "member", placeholder.get().toString())));
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.NO_SUCH_ATTRIBUTE) {
                    throw LdapFailures.classify("remove the placeholder member of " + groupDn, e);
                }
            }
        }
        return ChangeResult.changed("added " + login + " to " + groupDn);
    }

    @Override
    public ChangeResult removeMembership(String personId, String groupName) throws ConnectorException {
        Optional<SearchResultEntry> account = findAccount(personId);
        if (account.isEmpty()) {
            return ChangeResult.alreadySo("no account for person " + personId + ": no membership in " + groupName);
        }
        String login = login(account.get());
        Optional<SearchResultEntry> group = findGroup(groupName);
        if (group.isEmpty()) {
            return ChangeResult.alreadySo("no group '" + groupName + "': " + login + " is not a member");
        }
        DN member = parse(account.get().getDN());
        String groupDn = group.get().getDN();
        if (!isMember(groupDn, member)) {
            return ChangeResult.alreadySo(login + " not a member of " + groupDn);
        }
        Modification remove = new Modification(ModificationType.DELETE, "member", member.toString());
        try {
            pool.modify(new ModifyRequest(groupDn, remove));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
                return ChangeResult.alreadySo(login + " not a member of " + groupDn);
            }
            Optional<DN> placeholder = dialect.emptyGroupMember();
            if (e.getResultCode() != ResultCode.OBJECT_CLASS_VIOLATION || placeholder.isEmpty()) {
                throw LdapFailures.classify("remove " + login + " from " + groupDn, e);
            }
            // the last member of a group that must have one: the placeholder takes its place, in the same modify
            modify(groupDn, List.of(new Modification(ModificationType.ADD, "member", placeholder.get().toString()),
                    remove), "remove the last member " + login + " from " + groupDn);
        }
        return ChangeResult.changed("removed " + login + " from " + groupDn);
    }

    private boolean isMember(String groupDn, DN member) throws ConnectorException {
        try {
            return pool.compare(new CompareRequest(groupDn, "member", member.toString())).compareMatched();
        } catch (LDAPException e) {
            throw LdapFailures.classify("check membership in " + groupDn, e);
        }
    }

    // ---- lookups

    /** The one account of a person; several is an error a human must resolve, never a guess. */
    Optional<SearchResultEntry> findAccount(String personId) throws ConnectorException {
        List<SearchResultEntry> found = search(usersBase, dialect.accountFilter(personId),
                dialect.accountAttributes().toArray(new String[0]), "find the account of person " + personId);
        if (found.size() > 1) {
            throw ConnectorException.permanent(found.size() + " accounts carry person id " + personId + " ("
                    + found.stream().map(SearchResultEntry::getDN).toList() + "): resolve by hand", null);
        }
        return found.stream().findFirst();
    }

    private Optional<SearchResultEntry> findGroup(String name) throws ConnectorException {
        if (looksLikeDn(name)) {
            try {
                SearchResultEntry entry = pool.getEntry(name, dialect.groupAttributes().toArray(new String[0]));
                return Optional.ofNullable(entry);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                    return Optional.empty();
                }
                throw LdapFailures.classify("read group " + name, e);
            }
        }
        List<SearchResultEntry> found = search(groupsBase, dialect.groupFilter(name),
                dialect.groupAttributes().toArray(new String[0]), "find group " + name);
        if (found.size() > 1) {
            throw ConnectorException.permanent(found.size() + " groups named '" + name + "' under " + groupsBase + " ("
                    + found.stream().map(SearchResultEntry::getDN).toList() + "): name the group by its DN", null);
        }
        return found.stream().findFirst();
    }

    /**
     * The manager's account DN: {@code Optional.of(Optional.empty())} when the profile names no manager,
     * {@code Optional.empty()} when it names one without an account here (then the attribute is left alone).
     */
    private Optional<Optional<DN>> managerDn(AccountProfile profile) throws ConnectorException {
        if (profile.managerPersonId().isEmpty()) {
            return Optional.of(Optional.empty());
        }
        List<SearchResultEntry> found = search(usersBase, dialect.accountFilter(profile.managerPersonId().get()),
                NO_ATTRIBUTES, "find the manager of person " + profile.personId());
        return found.size() == 1 ? Optional.of(Optional.of(parse(found.get(0).getDN()))) : Optional.empty();
    }

    private boolean namesInUse(AccountNames names) throws ConnectorException {
        return !search(namingContext(), dialect.namesInUseFilter(names, settings), NO_ATTRIBUTES,
                "check whether " + names.login() + " is taken").isEmpty();
    }

    private boolean exists(DN dn) throws ConnectorException {
        try {
            return pool.getEntry(dn.toString(), "1.1") != null;
        } catch (LDAPException e) {
            throw LdapFailures.classify("read " + dn, e);
        }
    }

    private List<SearchResultEntry> search(DN base, Filter filter, String[] attributes, String what)
            throws ConnectorException {
        try {
            SearchResult result = pool.search(new SearchRequest(base.toString(), SearchScope.SUB, filter, attributes));
            return result.getSearchEntries();
        } catch (LDAPException e) {
            throw LdapFailures.classify(what, e);
        }
    }

    private void modify(String dn, List<Modification> changes, String what) throws ConnectorException {
        try {
            pool.modify(new ModifyRequest(dn, changes));
        } catch (LDAPException e) {
            throw LdapFailures.classify(what, e);
        }
    }

    /**
     * Login names are unique in the whole naming context (AD: the domain), not just under the users base: the
     * naming context that holds the users base, from the root DSE, read once.
     */
    private DN namingContext() throws ConnectorException {
        DN known = namingContext;
        if (known != null) {
            return known;
        }
        DN found = usersBase;
        try {
            RootDSE root = pool.getRootDSE();
            String[] contexts = root == null ? null : root.getNamingContextDNs();
            if (contexts != null) {
                for (String context : contexts) {
                    DN candidate = parse(context);
                    if (candidate.isAncestorOf(usersBase, true)
                            && (found == usersBase || candidate.getRDNs().length < found.getRDNs().length)) {
                        found = candidate;
                    }
                }
            }
        } catch (LDAPException e) {
            throw LdapFailures.classify("read the root DSE", e);
        }
        namingContext = found;
        return found;
    }

    private String login(Entry account) {
        String login = account.getAttributeValue(dialect.loginAttribute());
        return login == null ? account.getDN() : login;
    }

    private DN groupDn(String name) throws ConnectorException {
        if (looksLikeDn(name)) {
            return parse(name);
        }
        return new DN(new RDN("cn", name), groupsBase);
    }

    private static String cnOf(String name) {
        if (looksLikeDn(name)) {
            try {
                return new DN(name).getRDN().getAttributeValues()[0];
            } catch (LDAPException e) {
                return name;
            }
        }
        return name;
    }

    static boolean looksLikeDn(String name) {
        return name.contains("=") && DN.isValidDN(name);
    }

    private static boolean sameDn(DN wanted, String current) {
        if (current == null) {
            return false;
        }
        try {
            return wanted.equals(new DN(current));
        } catch (LDAPException e) {
            return false;
        }
    }

    private static String kindWord(GroupKind kind) {
        return kind == GroupKind.SECURITY ? "security group" : "distribution list";
    }

    private static DN parse(String dn) throws ConnectorException {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw ConnectorException.permanent("the directory returned an invalid DN: " + dn, e);
        }
    }

    private static DN dn(String dn, String setting) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(setting + " is not a DN: " + dn, e);
        }
    }
}
