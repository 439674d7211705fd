package dev.tenure.access;

import static dev.tenure.access.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.tenure.access.support.HrEvents;
import dev.tenure.access.support.HrTopic;
import dev.tenure.access.support.SambaAdProfile;
import dev.tenure.access.support.SambaConnections;
import dev.tenure.access.support.TestClockProducer;
import dev.tenure.schemas.hr.Position;
import dev.tenure.testkit.SambaAdDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's acceptance against a real Samba AD domain controller: the service plans from real HR events on the
 * real broker, on a clock the test moves, and the directory shows each effect.
 */
@QuarkusTest
@TestProfile(SambaAdProfile.class)
class SambaAdLifecycleIT {

    private static final Position ENGINEER = HrEvents.position("EOTSS", "Infrastructure Services", "IT-ENG-2",
            "Systems Engineer");
    private static final Position ANALYST = HrEvents.position("DOR", "Revenue Analysis", "FIN-AN-3",
            "Revenue Analyst");
    private static final String PASSWORD = "Tenure-Test-Passw0rd!";

    @Test
    void shouldPrepareEnableMoveCutAndDeleteTheAccountAsTheDatesCome() throws Exception {
        SambaAdDirectory samba = SambaAdDirectory.shared();
        String person = "E" + UUID.randomUUID().toString().substring(0, 7);
        Instant now = TestClockProducer.CLOCK.instant();
        LocalDate start = LocalDate.now().plusDays(3);

        // Given a joiner starting in three days (inside the 7-day prepare lead): the account is made now, disabled,
        // with the example policy's groups and lists for an EOTSS engineer
        HrTopic.publish(HrEvents.joiner(person, "Ada", "Lovelace", ENGINEER, start, now));
        // (the list is granted after the group: it needs the mailbox; so wait for both)
        SearchResultEntry account = await("the prepared account", () -> account(samba, person),
                a -> a.getAttributeValueAsInteger("userAccountControl") == 514 && hasGroup(a, "SG-EOTSS-Staff")
                        && hasGroup(a, "DL-All-Staff"));
        assertThat(groups(account)).anyMatch(g -> g.startsWith("CN=DL-All-Staff,"));

        // When the clock reaches midnight of the start date in New York: enabled, and the person can bind
        TestClockProducer.CLOCK.set(start.atStartOfDay(java.time.ZoneId.of(HrEvents.ZONE)).toInstant());
        await("the enabled account", () -> account(samba, person),
                a -> a.getAttributeValueAsInteger("userAccountControl") == 512);
        setPassword(samba, account.getDN());
        bind(account.getDN()); // succeeds

        // When they move to DOR as a revenue analyst (today): EOTSS groups gone, DOR ones present
        HrTopic.publish(HrEvents.mover(person, ENGINEER, ANALYST, start, TestClockProducer.CLOCK.instant()));
        SearchResultEntry moved = await("the moved account", () -> account(samba, person),
                a -> hasGroup(a, "SG-DOR-Staff") && !hasGroup(a, "SG-EOTSS-Staff"));
        assertThat(groups(moved)).noneMatch(g -> g.startsWith("CN=DL-EOTSS-All,"));

        // When they leave at the end of that week: at 17:00 New York time on the end date, disabled (514) and a
        // bind fails with AD's "data 533"
        LocalDate end = start.plusDays(4);
        HrTopic.publish(HrEvents.leaver(person, "DOR", end, false, TestClockProducer.CLOCK.instant()));
        Instant cutOff = end.atTime(17, 0).atZone(java.time.ZoneId.of(HrEvents.ZONE)).toInstant();
        TestClockProducer.CLOCK.set(cutOff.minusSeconds(60));
        Thread.sleep(1500);
        assertThat(account(samba, person).orElseThrow().getAttributeValueAsInteger("userAccountControl")).isEqualTo(512);
        TestClockProducer.CLOCK.set(cutOff);
        // (the disable comes first, the group and list removals after it: wait for all of them)
        SearchResultEntry cut = await("the cut account", () -> account(samba, person),
                a -> a.getAttributeValueAsInteger("userAccountControl") == 514 && groups(a).isEmpty());
        assertThat(groups(cut)).isEmpty();
        assertThatThrownBy(() -> bind(cut.getDN())).isInstanceOfSatisfying(LDAPException.class, e -> {
            assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
            assertThat(e.getDiagnosticMessage()).contains("data 533");
        });

        // When the retention window (90 days) has passed with no hold: deleted
        TestClockProducer.CLOCK.set(cutOff.plus(Duration.ofDays(90)).plusSeconds(1));
        await("the deletion", () -> Optional.of(account(samba, person).isPresent() ? "present" : "gone"),
                "gone"::equals);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Optional<SearchResultEntry> account(SambaAdDirectory samba, String personId) throws LDAPException {
        try (LDAPConnection admin = admin(samba)) {
            List<SearchResultEntry> found = admin.search(samba.usersDn(), SearchScope.SUB,
                    Filter.createEqualityFilter("employeeID", personId), "userAccountControl", "memberOf",
                    "sAMAccountName").getSearchEntries();
            return found.stream().findFirst();
        }
    }

    private static List<String> groups(SearchResultEntry account) {
        String[] values = account.getAttributeValues("memberOf");
        return values == null ? List.of() : List.of(values);
    }

    private static boolean hasGroup(SearchResultEntry account, String cn) {
        return groups(account).stream().anyMatch(g -> g.startsWith("CN=" + cn + ","));
    }

    private static void setPassword(SambaAdDirectory samba, String dn) throws LDAPException {
        try (LDAPConnection admin = admin(samba)) {
            admin.modify(dn, new Modification(ModificationType.REPLACE, "unicodePwd",
                    ("\"" + PASSWORD + "\"").getBytes(StandardCharsets.UTF_16LE)));
        }
    }

    private static void bind(String dn) throws LDAPException {
        SambaConnections.bindAs(dn, PASSWORD);
    }

    private static LDAPConnection admin(SambaAdDirectory samba) throws LDAPException {
        return SambaConnections.admin(samba);
    }
}
