package dev.tenure.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final String POLICY = """
            version: "7"
            entitlements:
              - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: user account}
              - {id: mailbox, kind: MAILBOX, target: directory, name: mail, requires: [account]}
              - {id: all-staff, kind: DISTRIBUTION_LIST, target: directory, name: DL-All, requires: [mailbox]}
              - {id: mfa, kind: MFA, target: idp, name: mfa, requires: [account]}
              - {id: dor-staff, kind: SECURITY_GROUP, target: directory, name: SG-DOR, requires: [account]}
              - {id: dor-audit, kind: SECURITY_GROUP, target: directory, name: SG-DOR-Audit, requires: [dor-staff]}
              - {id: vpn, kind: VPN, target: directory, name: SG-VPN, requires: [mailbox]}
              - {id: wiki, kind: SCIM_APP, target: wiki, name: Wiki}
              - {id: payroll, kind: SCIM_APP, target: "manual:payroll", name: Payroll, manual: true}
            rules:
              - name: baseline
                grant: [account, mailbox, all-staff, mfa]
              - name: dor
                when: {agency: [DOR]}
                grant: [dor-staff]
              - name: dor-auditors
                when: {agency: [DOR], department: [Audit Division], jobCode: [TAUD-3, TAUD-4]}
                unless: {employmentType: [INTERN]}
                grant: [dor-audit]
              - name: remote-it
                when: {department: [IT], location: [Remote]}
                grant: [vpn]
              - name: employees
                when: {employmentType: [EMPLOYEE, TEMPORARY]}
                grant: [wiki]
              - name: finance
                when: {department: [Finance]}
                grant: [payroll]
            """;

    private final AccessPolicy policy = PolicyLoader.load(new StringReader(POLICY), "test policy");

    @Test
    void shouldGrantTheBaselineRuleToEveryone() {
        // Given a volunteer of an agency no rule names
        PersonAttributes volunteer = person("EOE", "Outreach", "VOL-1", "Boston", "VOLUNTEER");

        // When
        Set<Entitlement> birthright = policy.birthright(volunteer);

        // Then only the baseline rule applies
        assertThat(ids(birthright)).containsExactly("account", "mailbox", "mfa", "all-staff");
        assertThat(policy.matchingRules(volunteer)).extracting(Rule::name).containsExactly("baseline");
    }

    @Test
    void shouldRequireEveryAttributeOfAWhenToMatch() {
        // Given auditors of DOR with the right job, the wrong job, and in the wrong agency
        PersonAttributes auditor = person("DOR", "Audit Division", "TAUD-4", "Boston", "CONTRACTOR");
        PersonAttributes examiner = person("DOR", "Audit Division", "TEX-1", "Boston", "CONTRACTOR");
        PersonAttributes elsewhere = person("EOHHS", "Audit Division", "TAUD-4", "Boston", "CONTRACTOR");

        // When / Then
        assertThat(ids(policy.birthright(auditor))).contains("dor-staff", "dor-audit");
        assertThat(ids(policy.birthright(examiner))).contains("dor-staff").doesNotContain("dor-audit");
        assertThat(ids(policy.birthright(elsewhere))).doesNotContain("dor-staff", "dor-audit");
    }

    @Test
    void shouldAcceptAnyOfTheListedValuesOfAnAttribute() {
        // Given an employee and a temporary worker, and a contractor
        // When / Then
        assertThat(ids(policy.birthright(person("DCR", "Parks", "PRNG-1", "Concord", "EMPLOYEE")))).contains("wiki");
        assertThat(ids(policy.birthright(person("DCR", "Parks", "PRNG-1", "Concord", "TEMPORARY")))).contains("wiki");
        assertThat(ids(policy.birthright(person("DCR", "Parks", "PRNG-1", "Concord", "CONTRACTOR"))))
                .doesNotContain("wiki");
    }

    @Test
    void shouldCompareAttributeValuesExactly() {
        // Given a department spelled in another case, and one with an unknown (null) agency
        PersonAttributes lowerCase = person("dor", "Audit Division", "TAUD-4", "Boston", "EMPLOYEE");
        PersonAttributes unknownAgency = person(null, "Audit Division", "TAUD-4", "Boston", "EMPLOYEE");

        // When / Then neither matches agency [DOR], and the baseline still applies
        assertThat(ids(policy.birthright(lowerCase))).doesNotContain("dor-staff").contains("account");
        assertThat(ids(policy.birthright(unknownAgency))).doesNotContain("dor-staff").contains("account");
    }

    @Test
    void shouldNotApplyARuleWhoseUnlessMatches() {
        // Given an intern with the auditor's job
        PersonAttributes intern = person("DOR", "Audit Division", "TAUD-3", "Boston", "INTERN");

        // When
        List<String> rules = policy.matchingRules(intern).stream().map(Rule::name).collect(Collectors.toList());

        // Then the agency rule applies, the auditors' rule does not
        assertThat(rules).containsExactly("baseline", "dor");
        assertThat(ids(policy.birthright(intern))).doesNotContain("dor-audit");
    }

    @Test
    void shouldGrantThePrerequisitesOfAGrantedEntitlement() {
        // Given the VPN rule alone would grant vpn, which requires the mailbox, which requires the account
        AccessPolicy vpnOnly = PolicyLoader.load(new StringReader("""
                version: "1"
                entitlements:
                  - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: user account}
                  - {id: mailbox, kind: MAILBOX, target: directory, name: mail, requires: [account]}
                  - {id: vpn, kind: VPN, target: directory, name: SG-VPN, requires: [mailbox]}
                rules:
                  - {name: it, when: {department: [IT]}, grant: [vpn]}
                """));

        // When
        Set<Entitlement> birthright = vpnOnly.birthright(person("EOTSS", "IT", "ITSA-2", "Remote", "EMPLOYEE"));

        // Then the closure is granted, prerequisites first
        assertThat(ids(birthright)).containsExactly("account", "mailbox", "vpn");
        assertThat(vpnOnly.birthright(person("EOTSS", "HR", "HRS-2", "Remote", "EMPLOYEE"))).isEmpty();
    }

    @Test
    void shouldOrderGrantsByDepthThenAccountFirstThenId() {
        // Given everything a remote IT auditor of DOR gets, in no particular order
        PersonAttributes person = person("DOR", "Audit Division", "TAUD-3", "Remote", "EMPLOYEE");
        List<Entitlement> shuffled = List.of(get("wiki"), get("vpn"), get("dor-audit"), get("mfa"), get("account"),
                get("all-staff"), get("mailbox"), get("dor-staff"));

        // When
        List<Entitlement> order = policy.grantOrder(shuffled);

        // Then depth 0: the account (first) and the wiki, which requires nothing; depth 1: what requires the
        // account; depth 2: what requires those
        assertThat(ids(order)).containsExactly("account", "wiki", "dor-staff", "mailbox", "mfa", "all-staff",
                "dor-audit", "vpn");
        assertThat(ids(policy.birthright(person))).containsExactly("account", "wiki", "dor-staff", "mailbox", "mfa",
                "all-staff", "dor-audit");
    }

    @Test
    void shouldRevokeDependantsFirstAndTheAccountLast() {
        // Given
        List<Entitlement> granted = List.of(get("account"), get("wiki"), get("mailbox"), get("vpn"), get("mfa"));

        // When
        List<Entitlement> order = policy.revokeOrder(granted);

        // Then exactly the grant order reversed
        assertThat(ids(order)).containsExactly("vpn", "mfa", "mailbox", "wiki", "account");
        assertThat(order).containsExactlyElementsOf(reversed(policy.grantOrder(granted)));
    }

    @Test
    void shouldOrderThroughPrerequisitesOutsideTheCollection() {
        // Given a mover who keeps the mailbox and loses vpn and all-staff, plus the account of a leaver's set
        List<Entitlement> revoked = List.of(get("vpn"), get("account"), get("all-staff"));

        // When
        List<Entitlement> grant = policy.grantOrder(revoked);

        // Then vpn and all-staff still come after the account (through the mailbox, not in the collection)
        assertThat(ids(grant)).containsExactly("account", "all-staff", "vpn");
        assertThat(ids(policy.revokeOrder(revoked))).containsExactly("vpn", "all-staff", "account");
    }

    @Test
    void shouldOrderEntitlementsOfAnEarlierPolicyVersionByTheirOwnRequires() {
        // Given a group from an earlier version that this policy no longer defines, requiring a retired group
        Entitlement retired = new Entitlement("legacy-sg", EntitlementKind.SECURITY_GROUP, "directory", "SG-Legacy",
                Set.of("account"), false);
        Entitlement dependant = new Entitlement("legacy-child", EntitlementKind.SECURITY_GROUP, "directory",
                "SG-Legacy-Child", Set.of("legacy-sg"), false);

        // When
        List<Entitlement> revoke = policy.revokeOrder(List.of(get("account"), retired, dependant));

        // Then
        assertThat(ids(revoke)).containsExactly("legacy-child", "legacy-sg", "account");
    }

    @Test
    void shouldCloseAnyCollectionOverItsPrerequisites() {
        // When
        Set<Entitlement> closed = policy.withPrerequisites(List.of(get("dor-audit")));

        // Then
        assertThat(ids(closed)).containsExactly("account", "dor-staff", "dor-audit");
    }

    @Test
    void shouldExposeTheParsedPolicy() {
        // When
        Entitlement payroll = get("payroll");
        Rule auditors = policy.rules().get(2);

        // Then
        assertThat(policy.version()).isEqualTo("7");
        assertThat(policy.entitlements()).hasSize(9).first().isEqualTo(get("account"));
        assertThat(payroll).isEqualTo(new Entitlement("payroll", EntitlementKind.SCIM_APP, "manual:payroll",
                "Payroll", Set.of(), true));
        assertThat(get("vpn").requires()).containsExactly("mailbox");
        assertThat(policy.entitlement("nope")).isEmpty();
        assertThat(auditors.name()).isEqualTo("dor-auditors");
        assertThat(auditors.when().accepted()).containsOnlyKeys(PersonAttribute.AGENCY, PersonAttribute.DEPARTMENT,
                PersonAttribute.JOB_CODE);
        assertThat(auditors.unless()).contains(new Condition(Map.of(PersonAttribute.EMPLOYMENT_TYPE,
                Set.of("INTERN"))));
        assertThat(auditors.grant()).containsExactly("dor-audit");
        assertThat(policy.rules().get(0).when().isEveryone()).isTrue();
    }

    private Entitlement get(String id) {
        return policy.entitlement(id).orElseThrow();
    }

    private static PersonAttributes person(String agency, String department, String jobCode, String location,
                                           String employmentType) {
        return new PersonAttributes(agency, department, jobCode, location, employmentType);
    }

    private static List<String> ids(Collection<Entitlement> entitlements) {
        return entitlements.stream().map(Entitlement::id).collect(Collectors.toList());
    }

    private static List<Entitlement> reversed(List<Entitlement> list) {
        List<Entitlement> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
