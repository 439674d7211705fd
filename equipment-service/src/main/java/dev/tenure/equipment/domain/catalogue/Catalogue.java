package dev.tenure.equipment.domain.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a person gets: the items on offer, the job families, the rules that grant items, and the timing rules.
 * Built only by {@link CatalogueReader}, which checks it whole; immutable.
 */
public final class Catalogue {

    private final String version;
    private final Timing timing;
    private final Map<String, CatalogueItem> items;
    private final List<JobFamily> jobFamilies;
    private final List<Rule> rules;

    Catalogue(String version, Timing timing, Map<String, CatalogueItem> items, List<JobFamily> jobFamilies,
              List<Rule> rules) {
        this.version = version;
        this.timing = timing;
        this.items = Map.copyOf(new LinkedHashMap<>(items));
        this.jobFamilies = List.copyOf(jobFamilies);
        this.rules = List.copyOf(rules);
    }

    public String version() {
        return version;
    }

    public Timing timing() {
        return timing;
    }

    public Optional<CatalogueItem> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<JobFamily> jobFamilies() {
        return jobFamilies;
    }

    /** The first family whose patterns include the job code (the order in the file decides), if any. */
    public Optional<String> jobFamilyOf(String jobCode) {
        return jobFamilies.stream().filter(family -> family.includes(jobCode)).map(JobFamily::name).findFirst();
    }

    /** Every item the matching rules grant, once each, in the order the rules first grant them. */
    public List<Entitlement> entitlementsOf(PersonProfile person) {
        String family = jobFamilyOf(person.jobCode()).orElse(null);
        Set<String> seen = new LinkedHashSet<>();
        List<Entitlement> granted = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.when().matches(person, family)) {
                for (String itemId : rule.grant()) {
                    if (seen.add(itemId)) {
                        granted.add(new Entitlement(items.get(itemId), rule.name()));
                    }
                }
            }
        }
        return List.copyOf(granted);
    }

    /** One item a person is entitled to, and the (first) rule that grants it. */
    public record Entitlement(CatalogueItem item, String rule) {
    }
}
