package dev.tenure.access.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A validated, immutable access policy: the entitlements it knows and the rules that grant them. Made by
 * {@link PolicyLoader}, which refuses a policy with unknown references, cycles or rules that can never match, so
 * every id a rule or a {@code requires} names is defined here and the prerequisites form no cycle.
 */
public final class AccessPolicy {

    private final String version;
    private final Optional<String> description;
    private final Map<String, Entitlement> entitlements;
    private final List<Rule> rules;
    /**
     * Birthrights already worked out, by attributes: the planner asks for every milestone of every person, and an
     * organisation has far fewer distinct positions than events. Bounded, in case attributes are ever unbounded.
     */
    private final Map<PersonAttributes, Set<Entitlement>> birthrights = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_BIRTHRIGHTS = 10_000;
    /** {@link #grantOrderOf} per set of ids; few distinct sets occur (a birthright, its differences), so it stays small. */
    private final Map<Set<String>, List<Entitlement>> grantOrders = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_ORDERS = 10_000;

    AccessPolicy(String version, Optional<String> description, List<Entitlement> entitlements, List<Rule> rules) {
        this.version = Objects.requireNonNull(version, "version");
        this.description = Objects.requireNonNull(description, "description");
        Map<String, Entitlement> byId = new LinkedHashMap<>();
        for (Entitlement entitlement : entitlements) {
            byId.put(entitlement.id(), entitlement);
        }
        this.entitlements = Collections.unmodifiableMap(byId);
        this.rules = List.copyOf(rules);
    }

    /** The policy's {@code version}, as written in the file (e.g. for the outcome events and the audit trail). */
    public String version() {
        return version;
    }

    public Optional<String> description() {
        return description;
    }

    /** Every entitlement, in the order the file defines them. */
    public List<Entitlement> entitlements() {
        return List.copyOf(entitlements.values());
    }

    /** Every rule, in the order the file lists them. */
    public List<Rule> rules() {
        return rules;
    }

    public Optional<Entitlement> entitlement(String id) {
        return Optional.ofNullable(entitlements.get(id));
    }

    /** The rules that apply to {@code person}, in file order: why they have their birthright. */
    public List<Rule> matchingRules(PersonAttributes person) {
        Objects.requireNonNull(person, "person");
        List<Rule> matching = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.appliesTo(person)) {
                matching.add(rule);
            }
        }
        return Collections.unmodifiableList(matching);
    }

    /**
     * The person's birthright: the entitlements of every rule that applies to them, with everything those require
     * (transitively). Iterates in {@link #grantOrder grant order}.
     */
    public Set<Entitlement> birthright(PersonAttributes person) {
        Objects.requireNonNull(person, "person");
        Set<Entitlement> known = birthrights.get(person);
        if (known != null) {
            return known;
        }
        Set<Entitlement> worked = workOutBirthright(person);
        if (birthrights.size() >= MAX_REMEMBERED_BIRTHRIGHTS) {
            birthrights.clear();
        }
        birthrights.put(person, worked);
        return worked;
    }

    private Set<Entitlement> workOutBirthright(PersonAttributes person) {
        Set<Entitlement> granted = new LinkedHashSet<>();
        for (Rule rule : matchingRules(person)) {
            for (String id : rule.grant()) {
                granted.add(entitlements.get(id));
            }
        }
        return withPrerequisites(granted);
    }

    /**
     * {@code requested} with everything it requires, transitively (prerequisites looked up in this policy; an id this
     * policy does not define is skipped). Iterates in {@link #grantOrder grant order}.
     */
    public Set<Entitlement> withPrerequisites(Collection<Entitlement> requested) {
        Set<Entitlement> closed = new LinkedHashSet<>();
        Deque<Entitlement> pending = new ArrayDeque<>(requested);
        while (!pending.isEmpty()) {
            Entitlement next = pending.pop();
            if (closed.add(next)) {
                for (String id : next.requires()) {
                    Entitlement prerequisite = entitlements.get(id);
                    if (prerequisite != null && !closed.contains(prerequisite)) {
                        pending.push(prerequisite);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(grantOrder(closed)));
    }

    /**
     * The order to grant {@code entitlements} in: every one after everything it requires that is also in the
     * collection. Each entitlement's depth is 0 when it requires nothing in the collection, else one more than the
     * deepest of those it requires (transitively, also through prerequisites that are not in the collection);
     * the list is sorted by depth, then directory accounts first, then by id (then target and name, for two versions
     * of one id). Uses each entitlement's own {@code requires}, so entitlements of an earlier policy version order
     * correctly too; never fails (a cycle, only possible when mixing versions, is ignored).
     */
    public List<Entitlement> grantOrder(Collection<Entitlement> entitlements) {
        List<Entitlement> members = new ArrayList<>(new LinkedHashSet<>(entitlements));
        Map<String, List<Entitlement>> membersById = new HashMap<>();
        for (Entitlement member : members) {
            membersById.computeIfAbsent(member.id(), id -> new ArrayList<>()).add(member);
        }
        Map<Entitlement, Integer> depths = new HashMap<>();
        for (Entitlement member : members) {
            depth(member, membersById, depths, new HashSet<>());
        }
        members.sort(Comparator.<Entitlement>comparingInt(depths::get)
                .thenComparing(entitlement -> entitlement.kind() != EntitlementKind.DIRECTORY_ACCOUNT)
                .thenComparing(Entitlement::id)
                .thenComparing(Entitlement::target)
                .thenComparing(Entitlement::name));
        return Collections.unmodifiableList(members);
    }

    /**
     * {@link #grantOrder} of this policy's entitlements with these ids (ids it does not define are left out),
     * remembered per set of ids: the planner orders the same few sets for every person of a position.
     */
    public List<Entitlement> grantOrderOf(Set<String> ids) {
        List<Entitlement> known = grantOrders.get(ids);
        if (known != null) {
            return known;
        }
        List<Entitlement> order = grantOrder(ids.stream().map(entitlements::get).filter(Objects::nonNull).toList());
        if (grantOrders.size() >= MAX_REMEMBERED_ORDERS) {
            grantOrders.clear();
        }
        grantOrders.put(Set.copyOf(ids), order);
        return order;
    }

    /** {@link #revokeOrder} of this policy's entitlements with these ids, remembered as {@link #grantOrderOf}. */
    public List<Entitlement> revokeOrderOf(Set<String> ids) {
        List<Entitlement> order = new ArrayList<>(grantOrderOf(ids));
        Collections.reverse(order);
        return order;
    }

    /**
     * The order to revoke {@code entitlements} in: exactly {@link #grantOrder} reversed — every one before what it
     * requires, so dependants go first and the directory account last.
     */
    public List<Entitlement> revokeOrder(Collection<Entitlement> entitlements) {
        List<Entitlement> order = new ArrayList<>(grantOrder(entitlements));
        Collections.reverse(order);
        return Collections.unmodifiableList(order);
    }

    private int depth(Entitlement member, Map<String, List<Entitlement>> membersById, Map<Entitlement, Integer> depths,
                      Set<Entitlement> visiting) {
        Integer known = depths.get(member);
        if (known != null) {
            return known;
        }
        visiting.add(member);
        int depth = 0;
        for (Entitlement prerequisite : nearestMemberPrerequisites(member, membersById)) {
            if (!visiting.contains(prerequisite)) {
                depth = Math.max(depth, depth(prerequisite, membersById, depths, visiting) + 1);
            }
        }
        visiting.remove(member);
        depths.put(member, depth);
        return depth;
    }

    /** The members reached from {@code member}'s requires, passing through prerequisites outside the collection. */
    private List<Entitlement> nearestMemberPrerequisites(Entitlement member,
                                                         Map<String, List<Entitlement>> membersById) {
        List<Entitlement> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(member.requires());
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (!seen.add(id)) {
                continue;
            }
            List<Entitlement> inCollection = membersById.get(id);
            if (inCollection != null) {
                found.addAll(inCollection);
            } else if (entitlements.containsKey(id)) {
                pending.addAll(entitlements.get(id).requires());
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "AccessPolicy[version=" + version + ", " + entitlements.size() + " entitlements, " + rules.size()
                + " rules]";
    }
}
