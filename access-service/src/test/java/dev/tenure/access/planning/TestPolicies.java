package dev.tenure.access.planning;

import dev.tenure.access.policy.AccessPolicy;
import dev.tenure.access.policy.PolicyLoader;
import java.io.StringReader;

/**
 * The policy the planner tests run on: everyone gets an account, a mailbox and the all-staff list; Finance gets
 * the finance group; IT gets the it-admins group and VPN (which requires the mailbox); a SCIM app no connector
 * manages yet.
 */
final class TestPolicies {

    private static final String STANDARD = """
            version: test-1
            entitlements:
              - {id: account, kind: DIRECTORY_ACCOUNT, target: directory, name: account}
              - {id: mailbox, kind: MAILBOX, target: directory, name: mail, requires: [account]}
              - {id: all-staff, kind: DISTRIBUTION_LIST, target: directory, name: All Staff, requires: [mailbox]}
              - {id: finance, kind: SECURITY_GROUP, target: directory, name: Finance Users, requires: [account]}
              - {id: it-admins, kind: SECURITY_GROUP, target: directory, name: IT Admins, requires: [account]}
              - {id: vpn, kind: VPN, target: directory, name: VPN Users, requires: [mailbox]}
              - {id: slack, kind: SCIM_APP, target: slack, name: Slack, requires: [account]}
            rules:
              - name: baseline
                grant: [account, mailbox, all-staff, slack]
              - name: finance
                when: {department: [Finance]}
                grant: [finance]
              - name: it
                when: {department: [IT]}
                grant: [it-admins, vpn]
            """;

    private TestPolicies() {
    }

    static AccessPolicy standard() {
        return PolicyLoader.load(new StringReader(STANDARD), "planner test policy");
    }
}
