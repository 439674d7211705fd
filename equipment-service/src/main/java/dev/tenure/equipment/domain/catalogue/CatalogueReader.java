package dev.tenure.equipment.domain.catalogue;

import dev.tenure.equipment.domain.ItemType;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the parsed catalogue file (maps, lists and scalars, as a YAML or JSON parser gives them) into a
 * {@link Catalogue}, or refuses it listing every problem at once, each with its place in the file
 * ({@code rules[2].grant[0]: ...}). Unknown keys are problems too: a misspelt key must not silently grant nothing.
 */
public final class CatalogueReader {

    public static final Set<String> EMPLOYMENT_TYPES = Set.of("EMPLOYEE", "CONTRACTOR", "INTERN", "TEMPORARY", "VOLUNTEER");
    /** The SLE expects a leaver's equipment back within 14 days after the end date. */
    public static final int MAX_COLLECTION_WINDOW_DAYS = 14;
    static final int MAX_LEAD_TIME_DAYS = 60;
    static final int MAX_RETURN_WINDOW_DAYS = 90;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern JOB_PATTERN = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9-]*\\*?");
    private static final Set<String> TOP_KEYS = Set.of("version", "timing", "items", "jobFamilies", "rules");
    private static final Set<String> TIMING_KEYS = Set.of("shippingLeadTimeDays", "cutOff", "collectionWindowDays",
            "moverReturnWindowDays");
    private static final Set<String> ITEM_KEYS = Set.of("type", "model", "leadTimeDays");
    private static final Set<String> FAMILY_KEYS = Set.of("name", "jobs");
    private static final Set<String> RULE_KEYS = Set.of("name", "when", "grant");
    private static final Set<String> WHEN_KEYS = Set.of("jobFamily", "jobCode", "department", "agency", "location",
            "employmentType");

    private final List<String> problems = new ArrayList<>();

    private CatalogueReader() {
    }

    /**
     * @param source where the tree came from, for the message (a file name)
     * @param tree   the parsed document
     */
    public static Catalogue read(String source, Object tree) {
        CatalogueReader reader = new CatalogueReader();
        Catalogue catalogue = reader.catalogue(tree);
        if (!reader.problems.isEmpty()) {
            throw new CatalogueException(source, reader.problems);
        }
        return catalogue;
    }

    private Catalogue catalogue(Object tree) {
        Map<String, Object> top = map(tree, "the document");
        if (top == null) {
            return null;
        }
        unknownKeys(top, TOP_KEYS, "");
        String version = text(top.get("version"), "version", true);
        if (version != null && version.length() > 64) {
            problem("version", "at most 64 characters");
        }
        Timing timing = timing(top.get("timing"));
        Map<String, CatalogueItem> items = items(top.get("items"), timing);
        List<JobFamily> families = jobFamilies(top.get("jobFamilies"));
        Set<String> familyNames = new HashSet<>();
        families.forEach(family -> familyNames.add(family.name()));
        List<Rule> rules = rules(top.get("rules"), items.keySet(), familyNames);
        return problems.isEmpty() ? new Catalogue(version, timing, items, families, rules) : null;
    }

    private Timing timing(Object node) {
        Map<String, Object> timing = map(node, "timing");
        if (timing == null) {
            return new Timing(0, LocalTime.NOON, 1, 1);
        }
        unknownKeys(timing, TIMING_KEYS, "timing.");
        int lead = number(timing.get("shippingLeadTimeDays"), "timing.shippingLeadTimeDays", 0, MAX_LEAD_TIME_DAYS,
                null);
        LocalTime cutOff = time(timing.get("cutOff"), "timing.cutOff");
        int window = number(timing.get("collectionWindowDays"), "timing.collectionWindowDays", 1,
                MAX_COLLECTION_WINDOW_DAYS, "the SLE expects a leaver's equipment back within "
                        + MAX_COLLECTION_WINDOW_DAYS + " days after the end date");
        int returnWindow = number(timing.get("moverReturnWindowDays"), "timing.moverReturnWindowDays", 1,
                MAX_RETURN_WINDOW_DAYS, null);
        return new Timing(lead, cutOff == null ? LocalTime.NOON : cutOff, window, returnWindow);
    }

    private Map<String, CatalogueItem> items(Object node, Timing timing) {
        Map<String, CatalogueItem> items = new LinkedHashMap<>();
        Map<String, Object> declared = map(node, "items");
        if (declared == null) {
            return items;
        }
        if (declared.isEmpty()) {
            problem("items", "declare at least one item");
        }
        declared.forEach((id, value) -> {
            String path = "items." + id;
            if (!ID.matcher(id).matches()) {
                problem(path, "an item id is lowercase words joined by hyphens, e.g. laptop-standard");
            }
            Map<String, Object> item = map(value, path);
            if (item == null) {
                return;
            }
            unknownKeys(item, ITEM_KEYS, path + ".");
            ItemType type = itemType(item.get("type"), path + ".type");
            String model = text(item.get("model"), path + ".model", true);
            int lead = item.containsKey("leadTimeDays")
                    ? number(item.get("leadTimeDays"), path + ".leadTimeDays", 0, MAX_LEAD_TIME_DAYS, null)
                    : timing.shippingLeadTimeDays();
            items.put(id, new CatalogueItem(id, type, model, lead));
        });
        return items;
    }

    private List<JobFamily> jobFamilies(Object node) {
        List<JobFamily> families = new ArrayList<>();
        if (node == null) {
            return families;
        }
        List<Object> declared = list(node, "jobFamilies");
        if (declared == null) {
            return families;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            String path = "jobFamilies[" + i + "]";
            Map<String, Object> family = map(declared.get(i), path);
            if (family == null) {
                continue;
            }
            unknownKeys(family, FAMILY_KEYS, path + ".");
            String name = text(family.get("name"), path + ".name", true);
            if (name != null && !ID.matcher(name).matches()) {
                problem(path + ".name", "a family name is lowercase words joined by hyphens");
            }
            if (name != null && !names.add(name)) {
                problem(path + ".name", "the family " + name + " is declared twice");
            }
            List<String> jobs = texts(family.get("jobs"), path + ".jobs");
            for (int j = 0; j < jobs.size(); j++) {
                if (!JOB_PATTERN.matcher(jobs.get(j)).matches()) {
                    problem(path + ".jobs[" + j + "]", "'" + jobs.get(j)
                            + "' is not a job code, a prefix ending in *, or *");
                }
            }
            families.add(new JobFamily(name, jobs));
        }
        return families;
    }

    private List<Rule> rules(Object node, Set<String> itemIds, Set<String> familyNames) {
        List<Rule> rules = new ArrayList<>();
        List<Object> declared = list(node, "rules");
        if (declared == null) {
            return rules;
        }
        if (declared.isEmpty()) {
            problem("rules", "declare at least one rule");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            String path = "rules[" + i + "]";
            Map<String, Object> rule = map(declared.get(i), path);
            if (rule == null) {
                continue;
            }
            unknownKeys(rule, RULE_KEYS, path + ".");
            String name = text(rule.get("name"), path + ".name", true);
            if (name != null && !names.add(name)) {
                problem(path + ".name", "the rule '" + name + "' is declared twice");
            }
            Condition when = rule.get("when") == null ? Condition.ALWAYS
                    : condition(rule.get("when"), path + ".when", familyNames);
            List<String> grant = texts(rule.get("grant"), path + ".grant");
            Set<String> granted = new HashSet<>();
            for (int j = 0; j < grant.size(); j++) {
                String itemId = grant.get(j);
                if (!itemIds.contains(itemId)) {
                    problem(path + ".grant[" + j + "]", "no item '" + itemId + "' in items");
                }
                if (!granted.add(itemId)) {
                    problem(path + ".grant[" + j + "]", "'" + itemId + "' is granted twice by the same rule");
                }
            }
            rules.add(new Rule(name, when, grant));
        }
        return rules;
    }

    private Condition condition(Object node, String path, Set<String> familyNames) {
        Map<String, Object> when = map(node, path);
        if (when == null) {
            return Condition.ALWAYS;
        }
        unknownKeys(when, WHEN_KEYS, path + ".");
        List<String> families = optionalTexts(when.get("jobFamily"), path + ".jobFamily");
        for (int i = 0; i < families.size(); i++) {
            if (!familyNames.contains(families.get(i))) {
                problem(path + ".jobFamily[" + i + "]", "no job family '" + families.get(i) + "' in jobFamilies");
            }
        }
        List<String> employmentTypes = optionalTexts(when.get("employmentType"), path + ".employmentType");
        for (int i = 0; i < employmentTypes.size(); i++) {
            if (!EMPLOYMENT_TYPES.contains(employmentTypes.get(i))) {
                problem(path + ".employmentType[" + i + "]", "'" + employmentTypes.get(i) + "' is not one of "
                        + String.join(", ", EMPLOYMENT_TYPES.stream().sorted().toList()));
            }
        }
        return new Condition(Set.copyOf(families),
                Set.copyOf(optionalTexts(when.get("jobCode"), path + ".jobCode")),
                Set.copyOf(optionalTexts(when.get("department"), path + ".department")),
                Set.copyOf(optionalTexts(when.get("agency"), path + ".agency")),
                Set.copyOf(optionalTexts(when.get("location"), path + ".location")),
                Set.copyOf(employmentTypes));
    }

    // ---- scalar and shape checks; each records its problem and returns something harmless ----

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String path) {
        if (node == null) {
            problem(path, "missing");
            return null;
        }
        if (!(node instanceof Map<?, ?> map)) {
            problem(path, "must be a mapping (key: value lines)");
            return null;
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                problem(path, "has a key that is not text: " + key);
                return null;
            }
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object node, String path) {
        if (node == null) {
            problem(path, "missing");
            return null;
        }
        if (!(node instanceof List<?>)) {
            problem(path, "must be a list (lines starting with -)");
            return null;
        }
        return (List<Object>) node;
    }

    private String text(Object node, String path, boolean required) {
        if (node == null) {
            if (required) {
                problem(path, "missing");
            }
            return null;
        }
        if (!(node instanceof String) && !(node instanceof Number)) {
            problem(path, "must be text");
            return null;
        }
        String text = node.toString().strip();
        if (text.isEmpty()) {
            problem(path, "must not be blank");
            return null;
        }
        return text;
    }

    private List<String> texts(Object node, String path) {
        List<Object> values = list(node, path);
        if (values == null) {
            return List.of();
        }
        if (values.isEmpty()) {
            problem(path, "must not be empty");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String text = text(values.get(i), path + "[" + i + "]", true);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    private List<String> optionalTexts(Object node, String path) {
        return node == null ? List.of() : texts(node, path);
    }

    private int number(Object node, String path, int min, int max, String why) {
        if (node == null) {
            problem(path, "missing");
            return min;
        }
        if (!(node instanceof Integer) && !(node instanceof Long)) {
            problem(path, "must be a whole number");
            return min;
        }
        long value = ((Number) node).longValue();
        if (value < min || value > max) {
            problem(path, "must be between " + min + " and " + max + (why == null ? "" : " (" + why + ")")
                    + ", not " + value);
            return min;
        }
        return (int) value;
    }

    private LocalTime time(Object node, String path) {
        if (node == null) {
            problem(path, "missing");
            return null;
        }
        if (!(node instanceof String text)) {
            problem(path, "must be a local time in quotes, e.g. \"17:00\"");
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            problem(path, "'" + text + "' is not a time of day such as \"17:00\"");
            return null;
        }
    }

    private ItemType itemType(Object node, String path) {
        String text = text(node, path, true);
        if (text == null) {
            return ItemType.OTHER;
        }
        try {
            return ItemType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(path, "'" + text + "' is not one of " + java.util.Arrays.toString(ItemType.values()));
            return ItemType.OTHER;
        }
    }

    private void unknownKeys(Map<String, Object> map, Set<String> known, String prefix) {
        map.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> problem(prefix + key, "unknown key (known here: "
                        + String.join(", ", known.stream().sorted().toList()) + ")"));
    }

    private void problem(String path, String reason) {
        problems.add(path + ": " + reason);
    }
}
