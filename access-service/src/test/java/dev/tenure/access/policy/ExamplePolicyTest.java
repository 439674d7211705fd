package dev.tenure.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The example policy shipped in src/main/resources loads, and gives the sample people what it promises. */
class ExamplePolicyTest {

    private static final List<String> AGENCIES = List.of("EOTSS", "DOR", "EOHHS", "DCR", "MASSDOT", "EOPSS", "EOE",
            "ANF");

    private final AccessPolicy policy = PolicyLoader.loadResource(PolicyLoader.EXAMPLE_RESOURCE);

    @Test
    void shouldLoadTheExamplePolicyFromTheClasspathAndFromTheSourceTree() {
        // When
        AccessPolicy fromFile = PolicyLoader.load(Path.of("src/main/resources", PolicyLoader.EXAMPLE_RESOURCE));

        // Then
        assertThat(policy.version()).isEqualTo("2027.03-example.1");
        assertThat(fromFile.version()).isEqualTo(policy.version());
        assertThat(fromFile.entitlements()).isEqualTo(policy.entitlements());
    }

    @Test
    void shouldGiveAnEotssSoftwareEngineerTheBaselineTheirAgencyVpnAndSlack() {
        // Given
        PersonAttributes engineer = new PersonAttributes("EOTSS", "Infrastructure Services", "ITSE-3",
                "1 Ashburton Place, Boston", "EMPLOYEE");

        // When
        Set<Entitlement> birthright = policy.birthright(engineer);

        // Then in grant order: the account; what needs only the account; what needs the mailbox
        assertThat(ids(birthright)).containsExactly(
                "directory-account",
                "eotss-staff", "mailbox", "mfa",
                "all-staff", "eotss-all", "slack", "vpn");
        assertThat(policy.matchingRules(engineer)).extracting(Rule::name).containsExactly("baseline",
                "eotss-staff", "it-departments-vpn", "it-jobs-vpn", "employees-slack");
        assertThat(ids(policy.revokeOrder(birthright))).startsWith("vpn").endsWith("mfa", "mailbox", "eotss-staff",
                "directory-account");
    }

    @Test
    void shouldGiveADorContractAccountantInSpringfieldTheirGroupsListsAndTheManualPayrollApp() {
        // Given
        PersonAttributes accountant = new PersonAttributes("DOR", "Collections Bureau", "ACCT-4",
                "436 Dwight Street, Springfield", "CONTRACTOR");

        // When
        Set<Entitlement> birthright = policy.birthright(accountant);

        // Then no VPN and no Slack (not IT, not an employee), the legacy payroll app as a manual task
        assertThat(ids(birthright)).containsExactly(
                "directory-account",
                "dor-staff", "dor-tax-systems", "mailbox", "mfa", "payroll-legacy",
                "all-staff", "contractors", "dor-all", "springfield-sob");
        assertThat(policy.entitlement("payroll-legacy")).hasValueSatisfying(payroll -> {
            assertThat(payroll.manual()).isTrue();
            assertThat(payroll.target()).isEqualTo("manual:payroll-legacy");
        });
    }

    @Test
    void shouldKeepInternsOfItDepartmentsOffTheVpn() {
        // Given
        PersonAttributes intern = new PersonAttributes("EOTSS", "Infrastructure Services", "INT-1",
                "200 Arlington Street, Chelsea", "INTERN");

        // When
        Set<Entitlement> birthright = policy.birthright(intern);

        // Then
        assertThat(ids(birthright)).containsExactly("directory-account", "eotss-staff", "mailbox", "mfa",
                "all-staff", "eotss-all");
    }

    @Test
    void shouldGiveEveryAgencyItsGroupAndListAndGrantEveryEntitlementSomewhere() {
        // Given
        Set<String> granted = new HashSet<>();
        for (Rule rule : policy.rules()) {
            granted.addAll(rule.grant());
        }

        // When / Then
        for (String agency : AGENCIES) {
            PersonAttributes clerk = new PersonAttributes(agency, "Administration", "AA-1", "Boston", "EMPLOYEE");
            String prefix = agency.toLowerCase();
            assertThat(ids(policy.birthright(clerk))).as(agency).contains(prefix + "-staff", prefix + "-all");
        }
        assertThat(granted).containsExactlyInAnyOrderElementsOf(ids(policy.entitlements()));
    }

    private static List<String> ids(Collection<Entitlement> entitlements) {
        return entitlements.stream().map(Entitlement::id).collect(Collectors.toList());
    }
}
