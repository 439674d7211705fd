package dev.tenure.access.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tenure.access.policy.PolicyException.Problem;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLoaderTest {

    /** Lines 1-4; extra entitlements start on line 5 as entitlements[2]. */
    private static final String HEAD = """
            version: "1"
            entitlements:
              - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: user account}
              - {id: mailbox, kind: MAILBOX, target: directory, name: mail, requires: [account]}
            """;
    private static final String BASELINE = "  - {name: baseline, grant: [account, mailbox]}\n";

    /** A policy of the two head entitlements, {@code extra} ones, and {@code rules} after the baseline rule. */
    private static String policy(String extraEntitlements, String rules) {
        return HEAD + extraEntitlements + "rules:\n" + BASELINE + rules;
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                // the document and its top-level keys
                invalid("not YAML", "version: [1\n", "policy", 2, "is not valid YAML"),
                invalid("an empty document", "# nothing\n", "policy", 0, "is empty"),
                invalid("a list at the top", "- version: 1\n", "policy", 1, "must be a mapping"),
                invalid("no version", policy("", "").replace("version: \"1\"\n", ""), "version", 1,
                        "is required"),
                invalid("a blank version", policy("", "").replace("\"1\"", "\" \""), "version", 1,
                        "must not be blank"),
                invalid("a list as version", policy("", "").replace("\"1\"", "[1, 2]"), "version", 1,
                        "must be a single value, not a list"),
                invalid("an unknown top-level key", "owner: it\n" + policy("", ""), "owner", 1,
                        "unknown key 'owner' (allowed: version, description, entitlements, rules)"),
                invalid("a top-level key twice", policy("", "") + "version: \"2\"\n", "version", 7,
                        "duplicate key (first on line 1)"),
                invalid("no entitlements (so the rule's grants are unknown too)", "version: \"1\"\nrules:\n" + BASELINE,
                        "entitlements", 1, "is required", 3),
                invalid("entitlements not a list", "version: \"1\"\nentitlements: account\nrules:\n" + BASELINE,
                        "entitlements", 2, "must be a list of entitlements, not a single value", 3),
                invalid("no rules", HEAD, "rules", 1, "is required"),
                invalid("an empty rule list", HEAD + "rules: []\n", "rules", 5, "must list at least one rule"),
                // entitlements
                invalid("an entitlement that is not a mapping", policy("  - vpn\n", ""), "entitlements[2]", 5,
                        "must be a mapping with id, kind, target and name"),
                invalid("an unknown key of an entitlement",
                        policy("  - {id: x, kind: MFA, target: idp, name: x, owner: ciso}\n", ""),
                        "entitlements[2].owner", 5, "unknown key 'owner'"),
                invalid("an entitlement without target",
                        policy("  - {id: x, kind: MFA, name: x}\n", ""), "entitlements[2].target", 5,
                        "is required"),
                invalid("an entitlement with a blank name",
                        policy("  - {id: x, kind: MFA, target: idp, name: \"  \"}\n", ""),
                        "entitlements[2].name", 5, "must not be blank"),
                invalid("an entitlement with a null id",
                        policy("  - {id: ~, kind: MFA, target: idp, name: x}\n", ""), "entitlements[2].id", 5,
                        "must not be blank"),
                invalid("an id with a space",
                        policy("  - {id: my vpn, kind: MFA, target: idp, name: x}\n", ""), "entitlements[2].id", 5,
                        "'my vpn' is not an id"),
                invalid("an unknown kind",
                        policy("  - {id: x, kind: GROUP, target: directory, name: x, requires: [account]}\n", ""),
                        "entitlements[2].kind", 5, "unknown kind 'GROUP' (one of DIRECTORY_ACCOUNT, MAILBOX, "
                                + "SECURITY_GROUP, DISTRIBUTION_LIST, VPN, SCIM_APP, MFA)"),
                invalid("a kind in the wrong case",
                        policy("  - {id: x, kind: mfa, target: idp, name: x}\n", ""), "entitlements[2].kind", 5,
                        "did you mean 'MFA'?"),
                invalid("a duplicate entitlement id",
                        policy("  - {id: mailbox, kind: MFA, target: idp, name: x}\n", ""), "entitlements[2].id", 5,
                        "duplicate entitlement id 'mailbox' (first at entitlements[1], line 4)"),
                invalid("manual not a boolean",
                        policy("  - {id: x, kind: SCIM_APP, target: x, name: x, manual: maybe}\n", ""),
                        "entitlements[2].manual", 5, "must be true or false"),
                invalid("a manual entitlement with a connector's target",
                        policy("  - {id: x, kind: SCIM_APP, target: payroll, name: x, manual: true}\n", ""),
                        "entitlements[2].target", 5, "its target must be manual:<app>, not 'payroll'"),
                invalid("a manual target without manual: true",
                        policy("  - {id: x, kind: SCIM_APP, target: \"manual:payroll\", name: x}\n", ""),
                        "entitlements[2].manual", 5, "set manual: true"),
                invalid("a manual target without an application",
                        policy("  - {id: x, kind: SCIM_APP, target: \"manual:\", name: x, manual: true}\n", ""),
                        "entitlements[2].target", 5, "names no application"),
                // requires
                invalid("an unknown prerequisite",
                        policy("  - {id: vpn, kind: VPN, target: directory, name: x, requires: [mailbx]}\n", ""),
                        "entitlements[2].requires[0]", 5, "unknown entitlement 'mailbx'; did you mean 'mailbox'?"),
                invalid("a prerequisite listed twice",
                        policy("  - {id: vpn, kind: VPN, target: directory, name: x, requires: [mailbox, mailbox]}\n",
                                ""), "entitlements[2].requires[1]", 5, "'mailbox' is listed twice"),
                invalid("a cycle in requires", policy("""
                                  - {id: a, kind: SECURITY_GROUP, target: directory, name: A, requires: [account, b]}
                                  - {id: b, kind: SECURITY_GROUP, target: directory, name: B, requires: [c]}
                                  - {id: c, kind: SECURITY_GROUP, target: directory, name: C, requires: [a]}
                                """, ""), "entitlements[4].requires[0]", 7, "cycle in requires: a -> b -> c -> a"),
                invalid("an entitlement requiring itself",
                        policy("  - {id: x, kind: MFA, target: idp, name: x, requires: [x]}\n", ""),
                        "entitlements[2].requires[0]", 5, "cycle in requires: x -> x"),
                invalid("a directory account with prerequisites", """
                        version: "1"
                        entitlements:
                          - {id: mfa, kind: MFA, target: idp, name: mfa}
                          - id: account
                            kind: DIRECTORY_ACCOUNT
                            target: directory
                            name: user account
                            requires: [mfa]
                        rules:
                          - {name: baseline, grant: [account]}
                        """, "entitlements[1].requires", 8, "a DIRECTORY_ACCOUNT is granted first and revoked last"),
                invalid("two accounts in one directory",
                        policy("  - {id: admin, kind: DIRECTORY_ACCOUNT, target: directory, name: admin}\n", ""),
                        "entitlements[2].kind", 5, "a second DIRECTORY_ACCOUNT in target 'directory' (first at "
                                + "entitlements[0], line 3)"),
                invalid("a group that does not require its directory's account",
                        policy("  - {id: sg, kind: SECURITY_GROUP, target: directory, name: SG-X}\n", ""),
                        "entitlements[2].requires", 5, "a SECURITY_GROUP in 'directory' needs the account there "
                                + "first: add 'account' to requires"),
                // rules
                invalid("a rule that is not a mapping", HEAD + "rules:\n  - baseline\n", "rules[0]", 6,
                        "must be a mapping"),
                invalid("an unknown key of a rule", policy("", "  - {name: x, priority: 1, grant: [account]}\n"),
                        "rules[1].priority", 7, "unknown key 'priority' (allowed: name, description, when, unless, "
                                + "grant)"),
                invalid("a key of a rule twice", policy("", """
                          - name: x
                            grant: [account]
                            grant: [mailbox]
                        """), "rules[1].grant", 9, "duplicate key (first on line 8)"),
                invalid("a rule without name", policy("", "  - {grant: [account]}\n"), "rules[1].name", 7,
                        "is required"),
                invalid("two rules of one name", policy("", "  - {name: baseline, grant: [account]}\n"),
                        "rules[1].name", 7, "duplicate rule name 'baseline' (first at rules[0].name, line 6)"),
                invalid("a rule without grant", policy("", "  - {name: x, when: {agency: [DOR]}}\n"),
                        "rules[1].grant", 7, "is required"),
                invalid("a rule granting nothing", policy("", "  - {name: x, grant: []}\n"), "rules[1].grant", 7,
                        "must list at least one entitlement"),
                invalid("a rule granting an unknown entitlement",
                        policy("", "  - {name: it, grant: [mailbox, vpn-users]}\n"), "rules[1].grant[1]", 7,
                        "unknown entitlement 'vpn-users'"),
                invalid("a rule granting one entitlement twice",
                        policy("", "  - {name: it, grant: [mailbox, account, mailbox]}\n"), "rules[1].grant[2]", 7,
                        "'mailbox' is listed twice (also rules[1].grant[0])"),
                invalid("a blank grant", policy("", "  - {name: it, grant: [mailbox, \"\"]}\n"),
                        "rules[1].grant[1]", 7, "must not be blank"),
                invalid("a when that is not a mapping", policy("", "  - {name: x, when: [DOR], grant: [account]}\n"),
                        "rules[1].when", 7, "must be a mapping of attribute to accepted values"),
                invalid("an unknown attribute", policy("", """
                          - name: it
                            when:
                              departmnt: [IT]
                            grant: [account]
                        """), "rules[1].when.departmnt", 9, "unknown attribute 'departmnt' (known: agency, "
                        + "department, jobCode, location, employmentType)"),
                invalid("an attribute with no values", policy("", """
                          - name: it
                            when:
                              agency: []
                            grant: [account]
                        """), "rules[1].when.agency", 9, "lists no values: the rule can never match"),
                invalid("an employment type that does not exist", policy("", """
                          - name: staff
                            when:
                              employmentType: [EMPLOYEE, PERMANENT]
                            grant: [account]
                        """), "rules[1].when.employmentType[1]", 9, "'PERMANENT' is not an employment type "
                        + "(CONTRACTOR, EMPLOYEE, INTERN, TEMPORARY, VOLUNTEER): no one has it, so it can never match"),
                invalid("an attribute value listed twice", policy("", """
                          - name: dor
                            when:
                              agency: [DOR, DCR, DOR]
                            grant: [account]
                        """), "rules[1].when.agency[2]", 9, "'DOR' is listed twice"),
                invalid("an unless that cancels the when", policy("", """
                          - name: dor
                            when:
                              agency: [DOR]
                              department: [Audit Division]
                            unless:
                              agency: [DOR, DCR]
                            grant: [account]
                        """), "rules[1].unless", 12, "excludes everyone the rule's when accepts: the rule can never "
                        + "match"),
                invalid("an unless excluding every employment type", policy("", """
                          - name: dor
                            when: {agency: [DOR]}
                            unless: {employmentType: [EMPLOYEE, CONTRACTOR, INTERN, TEMPORARY, VOLUNTEER]}
                            grant: [account]
                        """), "rules[1].unless", 9, "excludes everyone the rule's when accepts"),
                invalid("an unless naming no attribute", policy("", "  - {name: x, unless: {}, grant: [account]}\n"),
                        "rules[1].unless", 7, "names no attribute, so it excludes everyone"),
                invalid("an unless value that is no employment type", policy("", """
                          - name: staff
                            unless: {employmentType: [INTERNS]}
                            grant: [account]
                        """), "rules[1].unless.employmentType[0]", 8, "did you mean 'INTERN'?"));
    }

    private static Arguments invalid(String description, String yaml, String where, int line, String message) {
        return invalid(description, yaml, where, line, message, 1);
    }

    private static Arguments invalid(String description, String yaml, String where, int line, String message,
                                     int problems) {
        return arguments(description, yaml, where, line, message, problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void shouldRejectAnInvalidPolicySayingWhereAndWhy(String description, String yaml, String where, int line,
                                                      String message, int problems) {
        // Given an otherwise valid policy with one thing wrong

        // When
        PolicyException rejected = catchThrowableOfType(() -> PolicyLoader.load(new StringReader(yaml), "test.yaml"),
                PolicyException.class);

        // Then that thing is reported, where it is, and nothing else is
        assertThat(rejected).as(description).isNotNull();
        assertThat(rejected.problems()).as(rejected.getMessage()).hasSize(problems)
                .anySatisfy(problem -> {
                    assertThat(problem.where()).isEqualTo(where);
                    assertThat(problem.line()).isEqualTo(line);
                    assertThat(problem.message()).contains(message);
                });
        assertThat(rejected.getMessage()).startsWith("access policy test.yaml is not valid").contains(where);
    }

    @Test
    void shouldReportEveryProblemInLineOrder() {
        // Given a policy with three problems in three places
        String yaml = """
                version: "1"
                entitlements:
                  - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: user account}
                  - {id: mailbox, kind: MAILBOX, target: directory, name: mail, requires: [account]}
                  - {id: vpn, kind: VPN_GROUP, target: directory, name: SG-VPN, requires: [mailbox]}
                rules:
                  - name: baseline
                    grant: [account, mailbox]
                  - name: it
                    when: {department: [IT], employmentType: [STAFF]}
                    grant: [mailbox, vpn-users]
                """;

        // When
        PolicyException rejected = catchThrowableOfType(() -> PolicyLoader.load(new StringReader(yaml), "p.yaml"),
                PolicyException.class);

        // Then
        assertThat(rejected.problems()).extracting(Problem::toString).containsExactly(
                "entitlements[2].kind (line 5): unknown kind 'VPN_GROUP' (one of DIRECTORY_ACCOUNT, MAILBOX, "
                        + "SECURITY_GROUP, DISTRIBUTION_LIST, VPN, SCIM_APP, MFA)",
                "rules[1].when.employmentType[0] (line 10): 'STAFF' is not an employment type (CONTRACTOR, "
                        + "EMPLOYEE, INTERN, TEMPORARY, VOLUNTEER): no one has it, so it can never match",
                "rules[1].grant[1] (line 11): unknown entitlement 'vpn-users'");
        assertThat(rejected.source()).isEqualTo("p.yaml");
        assertThat(rejected.getMessage()).isEqualTo(String.join(System.lineSeparator(),
                "access policy p.yaml is not valid (3 problems):",
                "  " + rejected.problems().get(0),
                "  " + rejected.problems().get(1),
                "  " + rejected.problems().get(2)));
    }

    @Test
    void shouldNotReportReferencesToAnEntitlementWhoseOtherFieldsAreWrong() {
        // Given an entitlement with an unknown kind that a rule grants
        String yaml = policy("  - {id: vpn, kind: TUNNEL, target: directory, name: SG-VPN, requires: [mailbox]}\n",
                "  - {name: it, when: {department: [IT]}, grant: [vpn]}\n");

        // When
        PolicyException rejected = catchThrowableOfType(() -> PolicyLoader.load(new StringReader(yaml)),
                PolicyException.class);

        // Then only the kind is reported, not the grant of a "missing" vpn
        assertThat(rejected.problems()).extracting(Problem::where).containsExactly("entitlements[2].kind");
    }

    @Test
    void shouldAcceptShorthandsAndOptionalKeys() {
        // Given single values for lists, a null when, descriptions, and an unless that leaves someone
        String yaml = """
                version: 2027.1
                description: a test policy
                entitlements:
                  - id: account
                    kind: DIRECTORY_ACCOUNT
                    target: directory
                    name: user account
                    description: the account
                    manual: false
                  - {id: mailbox, kind: MAILBOX, target: directory, name: mail, requires: account}
                rules:
                  - name: baseline
                    description: everyone
                    when:
                    grant: account
                  - name: mail
                    when: {agency: DOR}
                    unless: {agency: [DOR], department: [Audit Division]}
                    grant: [mailbox]
                """;

        // When
        AccessPolicy policy = PolicyLoader.load(new StringReader(yaml));

        // Then the version keeps its text (not the number 2027.1), and the shorthands read as lists of one
        assertThat(policy.version()).isEqualTo("2027.1");
        assertThat(policy.description()).contains("a test policy");
        assertThat(policy.entitlement("mailbox").orElseThrow().requires()).containsExactly("account");
        assertThat(policy.rules().get(0).when().isEveryone()).isTrue();
        assertThat(policy.rules().get(0).grant()).containsExactly("account");
        assertThat(policy.birthright(new PersonAttributes("DOR", "Taxpayer Services Division", "TEX-1", "Boston",
                "EMPLOYEE"))).hasSize(2);
        assertThat(policy.birthright(new PersonAttributes("DOR", "Audit Division", "TEX-1", "Boston",
                "EMPLOYEE"))).hasSize(1);
    }

    @Test
    void shouldLoadFromAFile(@TempDir Path directory) throws Exception {
        // Given
        Path file = directory.resolve("policy.yaml");
        Files.writeString(file, policy("", ""), StandardCharsets.UTF_8);

        // When
        AccessPolicy policy = PolicyLoader.load(file);

        // Then
        assertThat(policy.version()).isEqualTo("1");
        assertThat(policy.entitlements()).hasSize(2);
    }

    @Test
    void shouldSayWhichFileCannotBeRead(@TempDir Path directory) {
        // Given
        Path missing = directory.resolve("missing.yaml");

        // When
        PolicyException rejected = catchThrowableOfType(() -> PolicyLoader.load(missing), PolicyException.class);

        // Then
        assertThat(rejected.source()).isEqualTo(missing.toString());
        assertThat(rejected.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("cannot be read: java.nio.file.NoSuchFileException"));
    }

    @Test
    void shouldRefuseJavaTypesNamedInTheFile() {
        // Given a tag that an object-binding YAML reader would turn into a Java object
        String yaml = policy("", "").replace("version: \"1\"", "version: !!java.io.File /etc/passwd");

        // When
        PolicyException rejected = catchThrowableOfType(() -> PolicyLoader.load(new StringReader(yaml)),
                PolicyException.class);

        // Then
        assertThat(rejected.problems()).singleElement().hasToString(
                "policy (line 1): is not valid YAML: Global tag is not allowed: tag:yaml.org,2002:java.io.File");
    }
}
