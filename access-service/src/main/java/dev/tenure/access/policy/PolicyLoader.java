package dev.tenure.access.policy;

import dev.tenure.access.policy.PolicyException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an access policy from YAML and validates it completely: it returns a usable {@link AccessPolicy} or throws a
 * {@link PolicyException} listing every problem found, each with its path and line. The format and every check are
 * described in {@code access-service/docs/policy.md}.
 *
 * <p>The YAML is read as a node tree (SnakeYAML's {@code compose}), never bound to Java objects, so a policy file
 * cannot instantiate anything; keys are strict at every level.
 */
public final class PolicyLoader {

    /** The example policy shipped on the classpath. */
    public static final String EXAMPLE_RESOURCE = "policy/access-policy.yaml";

    static final Set<String> TOP_LEVEL_KEYS = orderedSet("version", "description", "entitlements", "rules");
    static final Set<String> ENTITLEMENT_KEYS = orderedSet("id", "kind", "target", "name", "requires", "manual",
            "description");
    static final Set<String> RULE_KEYS = orderedSet("name", "description", "when", "unless", "grant");
    static final String MANUAL_TARGET_PREFIX = "manual:";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The kinds that live in a directory account and so must come after it. */
    private static final Set<EntitlementKind> ACCOUNT_BOUND = Set.of(EntitlementKind.MAILBOX,
            EntitlementKind.SECURITY_GROUP, EntitlementKind.DISTRIBUTION_LIST, EntitlementKind.VPN);

    private PolicyLoader() {
    }

    public static AccessPolicy load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new PolicyException(file.toString(), List.of(new Problem("policy", 0, "cannot be read: " + e)));
        }
    }

    /** Reads the policy from a classpath resource, e.g. {@link #EXAMPLE_RESOURCE}. */
    public static AccessPolicy loadResource(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PolicyLoader.class.getClassLoader();
        }
        InputStream stream = loader.getResourceAsStream(resource);
        if (stream == null) {
            throw new PolicyException("classpath:" + resource,
                    List.of(new Problem("policy", 0, "no such resource on the classpath")));
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return load(reader, "classpath:" + resource);
        } catch (IOException e) {
            throw new PolicyException("classpath:" + resource,
                    List.of(new Problem("policy", 0, "cannot be read: " + e)));
        }
    }

    public static AccessPolicy load(Reader yaml) {
        return load(yaml, "(reader)");
    }

    /** Reads the policy from {@code yaml}; {@code source} names it in the exception's message. */
    public static AccessPolicy load(Reader yaml, String source) {
        return new Reading(source).read(yaml);
    }

    private static Set<String> orderedSet(String... values) {
        return new LinkedHashSet<>(Arrays.asList(values));
    }

    /** A string in the file, with where it is. */
    private record Item(String value, String where, Node node) {
    }

    /** An entitlement as read; a field that could not be read is null (and a problem says why). */
    private record EntitlementDraft(String where, Node node, Item id, EntitlementKind kind, Item target, Item name,
                                    List<Item> requires, Node requiresNode, boolean manual) {
    }

    private record ConditionDraft(String where, Node node, Map<PersonAttribute, List<Item>> values) {
    }

    /** A rule as read; {@code unless} is null when absent. */
    private record RuleDraft(String where, Node node, Item name, ConditionDraft when, ConditionDraft unless,
                             List<Item> grant) {
    }

    /** One load: the problems found so far and the parts read. */
    private static final class Reading {

        private final String source;
        private final List<Problem> problems = new ArrayList<>();

        Reading(String source) {
            this.source = source;
        }

        AccessPolicy read(Reader yaml) {
            Node root;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowRecursiveKeys(false);
                root = new Yaml(options).compose(yaml);
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
                throw new PolicyException(source, List.of(new Problem("policy",
                        mark == null ? 0 : mark.getLine() + 1, "is not valid YAML: " + what)));
            } catch (YAMLException e) {
                throw new PolicyException(source, List.of(new Problem("policy", 0, "is not valid YAML: "
                        + e.getMessage())));
            }
            if (!(root instanceof MappingNode)) {
                problem("policy", root, root == null ? "is empty" : "must be a mapping of version, description, "
                        + "entitlements and rules");
                throw failure();
            }
            Map<String, Node> top = keys((MappingNode) root, "", TOP_LEVEL_KEYS);

            Optional<Item> version = requiredText(top, "version", "", root);
            Optional<String> description = optionalText(top.get("description"), "description");
            List<EntitlementDraft> entitlements = entitlements(top.get("entitlements"), root);
            List<RuleDraft> rules = rules(top.get("rules"), root);

            Map<String, EntitlementDraft> byId = uniqueIds(entitlements);
            checkManualTargets(entitlements);
            checkReferences(entitlements, rules, byId);
            checkConditions(rules);
            checkCycles(entitlements, byId);
            checkAccounts(entitlements, byId);

            if (!problems.isEmpty() || version.isEmpty()) {
                throw failure();
            }
            List<Entitlement> built = new ArrayList<>();
            for (EntitlementDraft draft : entitlements) {
                built.add(new Entitlement(draft.id().value(), draft.kind(), draft.target().value(),
                        draft.name().value(), draft.requires().stream().map(Item::value).collect(Collectors.toSet()),
                        draft.manual()));
            }
            List<Rule> builtRules = new ArrayList<>();
            for (RuleDraft draft : rules) {
                builtRules.add(new Rule(draft.name().value(), condition(draft.when()),
                        draft.unless() == null ? Optional.empty() : Optional.of(condition(draft.unless())),
                        draft.grant().stream().map(Item::value).collect(Collectors.toList())));
            }
            return new AccessPolicy(version.get().value(), description, built, builtRules);
        }

        // ---- structure ---------------------------------------------------------------------------------------

        private List<EntitlementDraft> entitlements(Node node, Node root) {
            List<EntitlementDraft> drafts = new ArrayList<>();
            List<Node> items = requiredSequence(node, "entitlements", root, "entitlement");
            for (int i = 0; i < items.size(); i++) {
                String where = "entitlements[" + i + "]";
                Node item = items.get(i);
                if (!(item instanceof MappingNode)) {
                    problem(where, item, "must be a mapping with id, kind, target and name");
                    continue;
                }
                Map<String, Node> fields = keys((MappingNode) item, where, ENTITLEMENT_KEYS);
                Item id = requiredText(fields, "id", where, item).filter(candidate -> validId(candidate))
                        .orElse(null);
                EntitlementKind kind = requiredText(fields, "kind", where, item).map(this::kind).orElse(null);
                Item target = requiredText(fields, "target", where, item).orElse(null);
                Item name = requiredText(fields, "name", where, item).orElse(null);
                List<Item> requires = textList(fields.get("requires"), path(where, "requires"));
                boolean manual = bool(fields.get("manual"), path(where, "manual"));
                optionalText(fields.get("description"), path(where, "description"));
                drafts.add(new EntitlementDraft(where, item, id, kind, target, name, requires, fields.get("requires"),
                        manual));
            }
            return drafts;
        }

        private List<RuleDraft> rules(Node node, Node root) {
            List<RuleDraft> drafts = new ArrayList<>();
            Map<String, Item> names = new HashMap<>();
            List<Node> items = requiredSequence(node, "rules", root, "rule");
            for (int i = 0; i < items.size(); i++) {
                String where = "rules[" + i + "]";
                Node item = items.get(i);
                if (!(item instanceof MappingNode)) {
                    problem(where, item, "must be a mapping with name, when/unless and grant");
                    continue;
                }
                Map<String, Node> fields = keys((MappingNode) item, where, RULE_KEYS);
                Item name = requiredText(fields, "name", where, item).orElse(null);
                if (name != null) {
                    Item first = names.putIfAbsent(name.value(), name);
                    if (first != null) {
                        problem(name.where(), name.node(), "duplicate rule name '" + name.value() + "' (first at "
                                + first.where() + ", line " + line(first.node()) + ")");
                    }
                }
                optionalText(fields.get("description"), path(where, "description"));
                ConditionDraft when = condition(fields.get("when"), path(where, "when"));
                Node unlessNode = fields.get("unless");
                ConditionDraft unless = unlessNode == null || isNull(unlessNode) ? null
                        : condition(unlessNode, path(where, "unless"));
                Node grantNode = fields.get("grant");
                List<Item> grant = textList(grantNode, path(where, "grant"));
                if (grantNode == null) {
                    problem(path(where, "grant"), item, "is required");
                } else if (isNull(grantNode)
                        || grantNode instanceof SequenceNode && ((SequenceNode) grantNode).getValue().isEmpty()) {
                    problem(path(where, "grant"), grantNode, "must list at least one entitlement");
                }
                drafts.add(new RuleDraft(where, item, name, when, unless, grant));
            }
            return drafts;
        }

        private ConditionDraft condition(Node node, String where) {
            Map<PersonAttribute, List<Item>> values = new EnumMap<>(PersonAttribute.class);
            if (node == null || isNull(node)) {
                return new ConditionDraft(where, node, values);
            }
            if (!(node instanceof MappingNode)) {
                problem(where, node, "must be a mapping of attribute to accepted values");
                return new ConditionDraft(where, node, values);
            }
            for (Map.Entry<String, Node> entry : keys((MappingNode) node, where, null).entrySet()) {
                String attributePath = path(where, entry.getKey());
                Optional<PersonAttribute> attribute = PersonAttribute.byKey(entry.getKey());
                if (attribute.isEmpty()) {
                    Set<String> known = Arrays.stream(PersonAttribute.values()).map(PersonAttribute::key)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    problem(attributePath, keyNode((MappingNode) node, entry.getKey()), "unknown attribute '"
                            + entry.getKey() + "' (known: " + String.join(", ", known) + ")"
                            + suggestion(entry.getKey(), known));
                    continue;
                }
                List<Item> accepted = textList(entry.getValue(), attributePath);
                if (accepted.isEmpty()) {
                    problem(attributePath, entry.getValue(), "lists no values: "
                            + ("when".equals(where.substring(where.lastIndexOf('.') + 1))
                            ? "the rule can never match" : "it can exclude no one"));
                }
                values.put(attribute.get(), accepted);
            }
            return new ConditionDraft(where, node, values);
        }

        // ---- checks across the document ----------------------------------------------------------------------

        private Map<String, EntitlementDraft> uniqueIds(List<EntitlementDraft> entitlements) {
            Map<String, EntitlementDraft> byId = new LinkedHashMap<>();
            for (EntitlementDraft draft : entitlements) {
                if (draft.id() == null) {
                    continue;
                }
                EntitlementDraft first = byId.putIfAbsent(draft.id().value(), draft);
                if (first != null) {
                    problem(draft.id().where(), draft.id().node(), "duplicate entitlement id '" + draft.id().value()
                            + "' (first at " + first.where() + ", line " + line(first.node()) + ")");
                }
            }
            return byId;
        }

        private void checkManualTargets(List<EntitlementDraft> entitlements) {
            for (EntitlementDraft draft : entitlements) {
                if (draft.target() == null) {
                    continue;
                }
                String target = draft.target().value();
                boolean manualTarget = target.startsWith(MANUAL_TARGET_PREFIX);
                if (manualTarget && target.substring(MANUAL_TARGET_PREFIX.length()).isBlank()) {
                    problem(draft.target().where(), draft.target().node(),
                            "'" + target + "' names no application: write manual:<app>");
                } else if (draft.manual() && !manualTarget) {
                    problem(draft.target().where(), draft.target().node(), "a manual entitlement is done by a person:"
                            + " its target must be manual:<app>, not '" + target + "'");
                } else if (!draft.manual() && manualTarget) {
                    problem(path(draft.where(), "manual"), draft.node(), "target '" + target
                            + "' is done by a person: set manual: true");
                }
            }
        }

        private void checkReferences(List<EntitlementDraft> entitlements, List<RuleDraft> rules,
                                     Map<String, EntitlementDraft> byId) {
            for (EntitlementDraft draft : entitlements) {
                checkIds(draft.requires(), byId);
            }
            for (RuleDraft rule : rules) {
                checkIds(rule.grant(), byId);
            }
        }

        private void checkIds(List<Item> references, Map<String, EntitlementDraft> byId) {
            Map<String, Item> seen = new HashMap<>();
            for (Item reference : references) {
                Item first = seen.putIfAbsent(reference.value(), reference);
                if (first != null) {
                    problem(reference.where(), reference.node(), "'" + reference.value() + "' is listed twice (also "
                            + first.where() + ")");
                } else if (!byId.containsKey(reference.value())) {
                    problem(reference.where(), reference.node(), "unknown entitlement '" + reference.value() + "'"
                            + suggestion(reference.value(), byId.keySet()));
                }
            }
        }

        private void checkConditions(List<RuleDraft> rules) {
            for (RuleDraft rule : rules) {
                checkValues(rule.when());
                if (rule.unless() != null) {
                    checkValues(rule.unless());
                    if (rule.unless().values().isEmpty() && !hasProblemUnder(rule.unless().where())) {
                        problem(rule.unless().where(), rule.unless().node(), "names no attribute, so it excludes "
                                + "everyone: the rule can never match");
                    } else if (cancels(rule.when(), rule.unless())) {
                        problem(rule.unless().where(), rule.unless().node(), "excludes everyone the rule's when "
                                + "accepts: the rule can never match");
                    }
                }
            }
        }

        private void checkValues(ConditionDraft condition) {
            for (Map.Entry<PersonAttribute, List<Item>> entry : condition.values().entrySet()) {
                Set<String> closed = entry.getKey().closedValues();
                Map<String, Item> seen = new HashMap<>();
                for (Item value : entry.getValue()) {
                    Item first = seen.putIfAbsent(value.value(), value);
                    if (first != null) {
                        problem(value.where(), value.node(), "'" + value.value() + "' is listed twice (also "
                                + first.where() + ")");
                    } else if (!closed.isEmpty() && !closed.contains(value.value())) {
                        problem(value.where(), value.node(), "'" + value.value() + "' is not an "
                                + "employment type (" + String.join(", ", new TreeSet<>(closed)) + "): no one has "
                                + "it, so it can never match" + suggestion(value.value(), closed));
                    }
                }
            }
        }

        /**
         * Whether everyone {@code when} accepts is excluded by {@code unless}: every attribute {@code unless} names
         * must be one {@code when} restricts to values {@code unless} all lists — or, for an attribute with a closed
         * set of values, one {@code unless} lists every value of.
         */
        private static boolean cancels(ConditionDraft when, ConditionDraft unless) {
            if (unless.values().isEmpty()) {
                return false;
            }
            for (Map.Entry<PersonAttribute, List<Item>> entry : unless.values().entrySet()) {
                Set<String> excluded = values(entry.getValue());
                List<Item> accepted = when.values().get(entry.getKey());
                Set<String> reachable = accepted != null ? values(accepted) : entry.getKey().closedValues();
                if (reachable.isEmpty() || !excluded.containsAll(reachable)) {
                    return false;
                }
            }
            return true;
        }

        private void checkCycles(List<EntitlementDraft> entitlements, Map<String, EntitlementDraft> byId) {
            Map<String, Integer> state = new HashMap<>(); // absent: not seen, 1: on the path, 2: done
            for (EntitlementDraft draft : entitlements) {
                if (draft.id() != null && byId.get(draft.id().value()) == draft) {
                    visit(draft, byId, state, new ArrayList<>());
                }
            }
        }

        /** Depth-first from {@code draft}; each requires that leads back onto the path is a cycle, reported. */
        private void visit(EntitlementDraft draft, Map<String, EntitlementDraft> byId, Map<String, Integer> state,
                              List<String> path) {
            String id = draft.id().value();
            if (state.containsKey(id)) {
                return;
            }
            state.put(id, 1);
            path.add(id);
            Set<String> followed = new HashSet<>();
            for (Item required : draft.requires()) {
                EntitlementDraft next = byId.get(required.value());
                if (next == null || !followed.add(required.value())) {
                    continue;
                }
                Integer seen = state.get(required.value());
                if (seen == null) {
                    visit(next, byId, state, path);
                } else if (seen == 1) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(required.value()), path.size()));
                    cycle.add(required.value());
                    problem(required.where(), required.node(), "cycle in requires: " + String.join(" -> ", cycle));
                }
            }
            path.remove(path.size() - 1);
            state.put(id, 2);
        }

        /**
         * A directory account is granted first and revoked last, so it requires nothing; a target has at most one;
         * and a mailbox, group, list or VPN in a target with an account requires that account (transitively).
         */
        private void checkAccounts(List<EntitlementDraft> entitlements, Map<String, EntitlementDraft> byId) {
            Map<String, EntitlementDraft> accounts = new HashMap<>();
            for (EntitlementDraft draft : entitlements) {
                if (draft.kind() != EntitlementKind.DIRECTORY_ACCOUNT || draft.target() == null) {
                    continue;
                }
                if (!draft.requires().isEmpty()) {
                    problem(path(draft.where(), "requires"), draft.requiresNode(), "a DIRECTORY_ACCOUNT is granted "
                            + "first and revoked last: it cannot require anything");
                }
                EntitlementDraft first = accounts.putIfAbsent(draft.target().value(), draft);
                if (first != null) {
                    problem(path(draft.where(), "kind"), draft.node(), "a second DIRECTORY_ACCOUNT in target '"
                            + draft.target().value() + "' (first at " + first.where() + ", line "
                            + line(first.node()) + "): a person has one account per directory");
                }
            }
            for (EntitlementDraft draft : entitlements) {
                if (draft.kind() == null || !ACCOUNT_BOUND.contains(draft.kind()) || draft.target() == null
                        || draft.id() == null) {
                    continue;
                }
                EntitlementDraft account = accounts.get(draft.target().value());
                Optional<Set<String>> prerequisites = prerequisites(draft, byId);
                if (account != null && account.id() != null && prerequisites.isPresent()
                        && !prerequisites.get().contains(account.id().value())) {
                    problem(path(draft.where(), "requires"), draft.requiresNode() != null ? draft.requiresNode()
                            : draft.node(), "a " + draft.kind() + " in '" + draft.target().value() + "' needs the "
                            + "account there first: add '" + account.id().value() + "' to requires (directly or "
                            + "through another prerequisite)");
                }
            }
        }

        /** Every id {@code draft} requires, transitively; empty when one is unknown (reported already). */
        private static Optional<Set<String>> prerequisites(EntitlementDraft draft,
                                                           Map<String, EntitlementDraft> byId) {
            Set<String> found = new HashSet<>();
            List<EntitlementDraft> pending = new ArrayList<>(List.of(draft));
            while (!pending.isEmpty()) {
                EntitlementDraft next = pending.remove(pending.size() - 1);
                for (Item required : next.requires()) {
                    if (!byId.containsKey(required.value())) {
                        return Optional.empty();
                    }
                    if (found.add(required.value())) {
                        pending.add(byId.get(required.value()));
                    }
                }
            }
            return Optional.of(found);
        }

        // ---- reading nodes -----------------------------------------------------------------------------------

        /** The mapping's values by key; reports non-scalar, duplicate and (when {@code allowed} is given) unknown keys. */
        private Map<String, Node> keys(MappingNode mapping, String where, Set<String> allowed) {
            Map<String, Node> values = new LinkedHashMap<>();
            Map<String, Node> keyNodes = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode)) {
                    problem(where.isEmpty() ? "policy" : where, keyNode, "keys must be plain names");
                    continue;
                }
                String key = ((ScalarNode) keyNode).getValue();
                if (keyNodes.containsKey(key)) {
                    problem(path(where, key), keyNode, "duplicate key (first on line " + line(keyNodes.get(key))
                            + ")");
                    continue;
                }
                keyNodes.put(key, keyNode);
                if (allowed != null && !allowed.contains(key)) {
                    problem(path(where, key), keyNode, "unknown key '" + key + "' (allowed: "
                            + String.join(", ", allowed) + ")" + suggestion(key, allowed));
                    continue;
                }
                values.put(key, tuple.getValueNode());
            }
            return values;
        }

        private static Node keyNode(MappingNode mapping, String key) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode
                        && ((ScalarNode) tuple.getKeyNode()).getValue().equals(key)) {
                    return tuple.getKeyNode();
                }
            }
            return mapping;
        }

        private List<Node> requiredSequence(Node node, String where, Node parent, String noun) {
            if (node == null) {
                problem(where, parent, "is required");
                return List.of();
            }
            if (!(node instanceof SequenceNode) || ((SequenceNode) node).getValue().isEmpty()) {
                problem(where, node, isNull(node) || node instanceof SequenceNode ? "must list at least one " + noun
                        : "must be a list of " + noun + "s, not a " + shape(node));
                return List.of();
            }
            return ((SequenceNode) node).getValue();
        }

        private Optional<Item> requiredText(Map<String, Node> fields, String key, String where, Node parent) {
            String keyPath = path(where, key);
            Node node = fields.get(key);
            if (node == null) {
                problem(keyPath, parent, "is required");
                return Optional.empty();
            }
            Optional<String> text = optionalText(node, keyPath);
            if (text.isPresent() && text.get().isBlank() || text.isEmpty() && isNull(node)) {
                problem(keyPath, node, "must not be blank");
                return Optional.empty();
            }
            return text.map(value -> new Item(value.strip(), keyPath, node));
        }

        private Optional<String> optionalText(Node node, String where) {
            if (node == null || isNull(node)) {
                return Optional.empty();
            }
            if (!(node instanceof ScalarNode)) {
                problem(where, node, "must be a single value, not a " + shape(node));
                return Optional.empty();
            }
            return Optional.of(((ScalarNode) node).getValue());
        }

        /** A list of non-blank strings; a single value stands for a list of one; absent or null is empty. */
        private List<Item> textList(Node node, String where) {
            List<Item> items = new ArrayList<>();
            if (node == null || isNull(node)) {
                return items;
            }
            if (node instanceof ScalarNode) {
                Optional<String> text = optionalText(node, where);
                if (text.isPresent() && !text.get().isBlank()) {
                    items.add(new Item(text.get().strip(), where, node));
                } else {
                    problem(where, node, "must not be blank");
                }
                return items;
            }
            if (!(node instanceof SequenceNode)) {
                problem(where, node, "must be a list of values, not a " + shape(node));
                return items;
            }
            List<Node> values = ((SequenceNode) node).getValue();
            for (int i = 0; i < values.size(); i++) {
                String itemPath = where + "[" + i + "]";
                Node value = values.get(i);
                Optional<String> text = optionalText(value, itemPath);
                if (text.isPresent() && !text.get().isBlank()) {
                    items.add(new Item(text.get().strip(), itemPath, value));
                } else if (value instanceof ScalarNode) {
                    problem(itemPath, value, "must not be blank");
                }
            }
            return items;
        }

        private boolean bool(Node node, String where) {
            if (node == null || isNull(node)) {
                return false;
            }
            if (node instanceof ScalarNode) {
                String value = ((ScalarNode) node).getValue();
                if ("true".equalsIgnoreCase(value)) {
                    return true;
                }
                if ("false".equalsIgnoreCase(value)) {
                    return false;
                }
            }
            problem(where, node, "must be true or false");
            return false;
        }

        private boolean validId(Item id) {
            if (ID.matcher(id.value()).matches()) {
                return true;
            }
            problem(id.where(), id.node(), "'" + id.value() + "' is not an id: use letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit");
            return false;
        }

        private EntitlementKind kind(Item kind) {
            try {
                return EntitlementKind.valueOf(kind.value());
            } catch (IllegalArgumentException e) {
                Set<String> kinds = Arrays.stream(EntitlementKind.values()).map(Enum::name)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                problem(kind.where(), kind.node(), "unknown kind '" + kind.value() + "' (one of "
                        + String.join(", ", kinds) + ")" + suggestion(kind.value(), kinds));
                return null;
            }
        }

        private static Condition condition(ConditionDraft draft) {
            Map<PersonAttribute, Set<String>> accepted = new EnumMap<>(PersonAttribute.class);
            draft.values().forEach((attribute, items) -> accepted.put(attribute, values(items)));
            return new Condition(accepted);
        }

        private static Set<String> values(List<Item> items) {
            return items.stream().map(Item::value).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
        }

        private static String shape(Node node) {
            if (node instanceof MappingNode) {
                return "mapping";
            }
            return node instanceof SequenceNode ? "list" : "single value";
        }

        private static String path(String where, String key) {
            return where.isEmpty() ? key : where + "." + key;
        }

        private static int line(Node node) {
            return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }

        private boolean hasProblemUnder(String where) {
            return problems.stream().anyMatch(problem -> problem.where().startsWith(where));
        }

        /** " — did you mean 'x'?" when one candidate differs only in case or by a small edit, else "". */
        private static String suggestion(String value, Set<String> candidates) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String candidate : candidates) {
                int distance = candidate.equalsIgnoreCase(value) ? 0
                        : distance(candidate.toLowerCase(), value.toLowerCase());
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            return best != null && bestDistance <= Math.max(1, value.length() / 4) ? "; did you mean '" + best + "'?"
                    : "";
        }

        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }

        private void problem(String where, Node node, String message) {
            problems.add(new Problem(where, line(node), message));
        }

        private PolicyException failure() {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(Problem::line));
            return new PolicyException(source, sorted);
        }
    }
}
