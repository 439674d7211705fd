package dev.tenure.access.fanout;

import dev.tenure.access.fanout.OutcomeWatch.Confirmation;
import dev.tenure.access.support.HrEvents;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fan-out's people and their HR events: joiners who start today (an EOTSS engineer, every third a DOR accountant
 * with the legacy payroll application, which is a manual task), all employees, so the example policy gives each a
 * directory account, a Slack account and an account at the identity provider; then every one of them terminated at once. What "provisioned" and "cut"
 * mean in each target, as the outcome events confirm them.
 */
final class LeaverFanOut {

    static final Position ENGINEER = HrEvents.position("EOTSS", "Infrastructure Services", "ITSE-3",
            "Systems Engineer");
    static final Position ACCOUNTANT = HrEvents.position("DOR", "Accounts Payable", "ACCT-2", "Accountant II");

    /** Account enabled in every target. */
    static final Set<Confirmation> PROVISIONED = Set.of(
            new Confirmation(FanOutTargets.DIRECTORY, "ACCOUNT_ENABLED"),
            new Confirmation(FanOutTargets.SLACK, "ACCOUNT_ENABLED"),
            new Confirmation(FanOutTargets.IDP, "ACCOUNT_ENABLED"));

    /** Access cut in every target. */
    static final Set<Confirmation> CUT = Set.of(
            new Confirmation(FanOutTargets.DIRECTORY, "ACCOUNT_DISABLED"),
            new Confirmation(FanOutTargets.SLACK, "ACCOUNT_DISABLED"),
            new Confirmation(FanOutTargets.IDP, "ACCOUNT_DISABLED"),
            new Confirmation(FanOutTargets.IDP, "MFA_REVOKED"),
            new Confirmation(FanOutTargets.IDP, "SESSIONS_REVOKED"));

    private LeaverFanOut() {
    }

    static List<String> people(String prefix, int count) {
        List<String> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(prefix + "-" + i);
        }
        return people;
    }

    static Position positionOf(int index) {
        return index % 3 == 2 ? ACCOUNTANT : ENGINEER;
    }

    static List<HrLifecycleEvent> joiners(List<String> people) {
        LocalDate today = LocalDate.now(ZoneId.of(HrEvents.ZONE));
        Instant now = Instant.now();
        List<HrLifecycleEvent> events = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            // distinct family names: the login and the SCIM userName are made from the name
            events.add(HrEvents.joiner(people.get(i), "Ada", "Fanout" + people.get(i).replace("-", ""),
                    positionOf(i), today, now));
        }
        return events;
    }

    static List<HrLifecycleEvent> terminations(List<String> people) {
        LocalDate today = LocalDate.now(ZoneId.of(HrEvents.ZONE));
        Instant now = Instant.now();
        List<HrLifecycleEvent> events = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            events.add(HrEvents.leaver(people.get(i), positionOf(i).getAgency(), today, true, now));
        }
        return events;
    }
}
