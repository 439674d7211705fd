package dev.tenure.equipment.domain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenure.equipment.catalogue.CatalogueFile;
import dev.tenure.equipment.domain.ItemType;
import dev.tenure.equipment.domain.Samples;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CatalogueReaderTest {

    private static final String VALID = """
            version: "t-1"
            timing: {shippingLeadTimeDays: 5, cutOff: "17:00", collectionWindowDays: 14, moverReturnWindowDays: 10}
            items:
              laptop: {type: LAPTOP, model: "L1"}
              badge: {type: BADGE, model: "B1", leadTimeDays: 1}
            jobFamilies:
              - {name: engineering, jobs: ["ITSE-*"]}
            rules:
              - {name: everyone, grant: [badge]}
              - {name: engineers, when: {jobFamily: [engineering]}, grant: [laptop]}
            """;

    @Test
    void shouldReadTheCatalogueTheServiceShipsWith() {
        // Given the bundled catalogue (read by Samples)
        Catalogue catalogue = Samples.CATALOGUE;

        // Then it is complete and its timing is the SLE's
        assertThat(catalogue.version()).isNotBlank();
        assertThat(catalogue.timing().collectionWindowDays()).isEqualTo(14);
        assertThat(catalogue.timing().cutOff()).isEqualTo(LocalTime.of(17, 0));
        assertThat(catalogue.rules()).hasSizeGreaterThan(3);
    }

    @Test
    void shouldGiveEveryoneABadgeAndTheLaptopOfTheirJobFamily() {
        assertThat(ids(Samples.accountant())).containsExactly("badge", "laptop-standard", "monitor", "dock", "headset");
        assertThat(ids(Samples.engineer())).containsExactly("badge", "laptop-engineering", "monitor", "dock");
        assertThat(ids(Samples.ranger())).containsExactly("badge", "rugged-tablet", "phone");
        assertThat(ids(Samples.volunteer())).containsExactly("badge");
    }

    @Test
    void shouldGiveAPhoneToOnCallRolesOnly() {
        // Given a network engineer (on call) and a software engineer (not)
        var networkEngineer = new PersonProfile("EOTSS", "Infrastructure Services", "ITNE-2", "Network Engineer II",
                "1 Ashburton Place, Boston", "EMPLOYEE", "America/New_York");

        // Then only the network engineer gets a phone, and a security key with it
        assertThat(ids(networkEngineer)).contains("phone", "security-key", "laptop-engineering");
        assertThat(ids(Samples.engineer())).doesNotContain("phone", "security-key");
    }

    @Test
    void shouldPutAJobInTheFirstFamilyThatIncludesIt() {
        assertThat(Samples.CATALOGUE.jobFamilyOf("ITSE-3")).contains("engineering");
        assertThat(Samples.CATALOGUE.jobFamilyOf("TRP-S")).contains("field");
        assertThat(Samples.CATALOGUE.jobFamilyOf("ACCT-2")).contains("office");
    }

    @Test
    void shouldTakeTheItemsLeadTimeOrTheDefault() {
        Catalogue catalogue = CatalogueFile.parse("test", VALID);

        assertThat(catalogue.item("laptop").orElseThrow().leadTimeDays()).isEqualTo(5);
        assertThat(catalogue.item("badge").orElseThrow().leadTimeDays()).isEqualTo(1);
        assertThat(catalogue.item("laptop").orElseThrow().type()).isEqualTo(ItemType.LAPTOP);
        assertThat(catalogue.timing().moverReturnWindowDays()).isEqualTo(10);
    }

    @Test
    void shouldListEveryProblemOfABadCatalogueWithItsPlace() {
        // Given a catalogue with many mistakes
        String bad = """
                timing: {shippingLeadTimeDays: -1, cutOff: "5pm", collectionWindowDays: 30, moverReturnWindowDays: 10}
                items:
                  Laptop_X: {type: LAPTOPS, model: ""}
                  badge: {type: BADGE, model: "B1", colour: blue}
                jobFamilies:
                  - {name: engineering, jobs: ["IT SE"]}
                  - {name: engineering, jobs: ["*"]}
                rules:
                  - {name: everyone, grant: [badge, badge]}
                  - {name: everyone, when: {jobFamily: [field], employmentType: [STAFF], grade: [7]}, grant: [laptop]}
                """;

        // When it is read
        CatalogueException refused = catchThrowableOfType(CatalogueException.class, () -> CatalogueFile.parse("bad.yaml", bad));

        // Then every problem is reported at once, each with where it is
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).contains(
                "version: missing",
                "timing.shippingLeadTimeDays: must be between 0 and 60, not -1",
                "timing.cutOff: '5pm' is not a time of day such as \"17:00\"",
                "timing.collectionWindowDays: must be between 1 and 14 (the SLE expects a leaver's equipment back "
                        + "within 14 days after the end date), not 30",
                "items.Laptop_X: an item id is lowercase words joined by hyphens, e.g. laptop-standard",
                "items.Laptop_X.model: must not be blank",
                "jobFamilies[0].jobs[0]: 'IT SE' is not a job code, a prefix ending in *, or *",
                "jobFamilies[1].name: the family engineering is declared twice",
                "rules[0].grant[1]: 'badge' is granted twice by the same rule",
                "rules[1].name: the rule 'everyone' is declared twice",
                "rules[1].when.jobFamily[0]: no job family 'field' in jobFamilies",
                "rules[1].grant[0]: no item 'laptop' in items");
        assertThat(refused.problems()).anyMatch(p -> p.startsWith("items.Laptop_X.type: 'LAPTOPS' is not one of"));
        assertThat(refused.problems()).anyMatch(p -> p.startsWith("items.badge.colour: unknown key"));
        assertThat(refused.problems()).anyMatch(p -> p.startsWith("rules[1].when.grade: unknown key"));
        assertThat(refused.problems()).anyMatch(p -> p.startsWith("rules[1].when.employmentType[0]: 'STAFF' is not one of"));
        assertThat(refused.getMessage()).startsWith("the equipment catalogue bad.yaml is not valid (");
    }

    @Test
    void shouldRefuseAFileThatIsNotYaml() {
        CatalogueException refused = catchThrowableOfType(CatalogueException.class,
                () -> CatalogueFile.parse("broken.yaml", "version: [unclosed"));

        assertThat(refused.problems()).singleElement().asString().contains("not valid YAML");
    }

    @Test
    void shouldRefuseAMissingFile() {
        CatalogueException refused = catchThrowableOfType(CatalogueException.class,
                () -> CatalogueFile.load("/nonexistent/catalogue.yaml"));

        assertThat(refused.problems()).singleElement().asString().startsWith("cannot be read");
    }

    private static java.util.List<String> ids(PersonProfile person) {
        return Samples.CATALOGUE.entitlementsOf(person).stream().map(e -> e.item().id()).toList();
    }
}
