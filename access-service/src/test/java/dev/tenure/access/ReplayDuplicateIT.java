package dev.tenure.access;

import static dev.tenure.access.support.CommandTopics.awaitEvents;
import static dev.tenure.access.support.CommandTopics.commandsSoFar;
import static dev.tenure.access.support.CommandTopics.eventsSoFar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.support.HrEvents;
import dev.tenure.access.support.HrTopic;
import dev.tenure.access.support.PackagedAccessEnvironment;
import dev.tenure.access.support.SlapdAccounts;
import dev.tenure.access.support.SlapdAccounts.Account;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.testkit.PackagedService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every HR event delivered twice, the service killed with {@code kill -9} half-way through, the rest delivered twice
 * after the restart and then everything once more: slapd ends exactly as one clean delivery leaves it, no change is
 * reported DONE twice, and the changes reported DONE are those a clean single delivery of the same events makes (to
 * "twins": the same histories for other people, published once, after it all).
 */
class ReplayDuplicateIT {

    private static final int PER_KIND = 12;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final Position ENGINEER = HrEvents.position("EOTSS", "Infrastructure Services", "IT-ENG-2",
            "Systems Engineer");
    private static final Position EXAMINER = HrEvents.position("DOR", "Taxpayer Services Division", "TAX-3",
            "Tax Examiner");
    // What the example policy gives each position in the directory (baseline list, agency group and list, VPN for
    // EOTSS's IT departments, the tax systems for DOR's tax divisions); Slack and MFA are not directory groups.
    private static final Set<String> ENGINEER_GROUPS = Set.of("DL-All-Staff", "SG-EOTSS-Staff", "DL-EOTSS-All",
            "SG-VPN-Users");
    private static final Set<String> EXAMINER_GROUPS = Set.of("DL-All-Staff", "SG-DOR-Staff", "DL-DOR-All",
            "SG-DOR-Tax-Systems-Users");

    private OpenLdapDirectory slapd;
    private PackagedService service;

    /** The histories: a joiner, a joiner who moved, a joiner who left, a joiner who moved and was terminated. */
    enum Kind { JOINER, MOVER, LEAVER, MOVER_TERMINATED }

    record Person(String id, Kind kind) {

        boolean left() {
            return kind == Kind.LEAVER || kind == Kind.MOVER_TERMINATED;
        }

        Set<String> groups() {
            return left() ? Set.of() : kind == Kind.MOVER ? EXAMINER_GROUPS : ENGINEER_GROUPS;
        }
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void shouldEndAsOneCleanDeliveryWhenEveryEventComesTwiceAndAgainAcrossAKill() throws Exception {
        // Given the service running against slapd, and the histories of 48 people
        slapd = OpenLdapDirectory.start(List.of(Path.of("src/main/resources/directory/openldap/tenure.schema")));
        Map<String, String> env = PackagedAccessEnvironment.create("access-replay-it", slapd).env();
        Instant started = Instant.now();
        service = PackagedService.start("access-service-replay-it", env, 0).awaitReady(WAIT);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Person> people = people("R" + run);
        List<Person> twins = people("T" + run);
        List<HrLifecycleEvent> events = people.stream().flatMap(p -> history(p).stream()).toList();
        List<HrLifecycleEvent> firstHalf = events.subList(0, events.size() / 2);
        List<HrLifecycleEvent> secondHalf = events.subList(events.size() / 2, events.size());
        Set<String> ids = people.stream().map(Person::id).collect(Collectors.toSet());

        // When the first half of the events is published, each twice, and the service is killed while carrying them out
        HrTopic.publish(twice(firstHalf));
        Set<String> firstHalfPeople = firstHalf.stream().map(HrLifecycleEvent::getPersonId).collect(Collectors.toSet());
        awaitEvents(e -> firstHalfPeople.contains(e.getPersonId()), 40, WAIT);
        service.kill();
        int outcomesAtTheKill = eventsSoFar(e -> ids.contains(e.getPersonId())).size();

        // And it is started again; the rest is published twice, then everything once more
        service = PackagedService.start("access-service-replay-it-2", env, service.port()).awaitReady(WAIT);
        HrTopic.publish(twice(secondHalf));
        HrTopic.publish(events);

        // And, for comparison, the same histories for 48 twins, published once
        HrTopic.publish(twins.stream().flatMap(p -> history(p).stream()).toList());

        // Then slapd holds one account per person, enabled or locked, in exactly the groups of their last position
        List<Person> everyone = Stream.concat(people.stream(), twins.stream()).toList();
        Map<String, List<Account>> accounts = awaitDirectory(everyone);
        for (Person p : everyone) {
            assertThat(accounts.get(p.id())).as("accounts of %s", p).singleElement().satisfies(account -> {
                assertThat(account.locked()).as("%s locked", p).isEqualTo(p.left());
                assertThat(account.groups()).as("groups of %s", p).isEqualTo(p.groups());
            });
        }
        Thread.sleep(2000); // the outcome of the last change follows it by a moment

        // And no change was reported DONE twice, nothing FAILED
        Set<String> everyId = everyone.stream().map(Person::id).collect(Collectors.toSet());
        List<AccessEvent> outcomes = eventsSoFar(e -> everyId.contains(e.getPersonId()));
        assertThat(outcomes).noneMatch(e -> e.getOutcome() == AccessOutcome.FAILED);
        Map<String, Long> donePerAction = outcomes.stream().filter(e -> e.getOutcome() == AccessOutcome.DONE)
                .collect(Collectors.groupingBy(AccessEvent::getActionId, Collectors.counting()));
        List<String> doneTwice = donePerAction.entrySet().stream().filter(d -> d.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertThat(doneTwice).as("actions reported DONE more than once; the first one's person:\n%s",
                doneTwice.isEmpty() ? "" : timeline(outcomes, doneTwice.get(0))).isEmpty();

        // And each person's DONE changes are their twin's (a clean single delivery): none more; one fewer at most,
        // the change in hand at the kill, made in the directory before the process died and reported ALREADY_SO when
        // redelivered
        List<String> notReportedDone = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            List<String> clean = new ArrayList<>(changes(outcomes, twins.get(i), AccessOutcome.DONE));
            for (String done : changes(outcomes, people.get(i), AccessOutcome.DONE)) {
                assertThat(clean.remove(done)).as("%s: %s is DONE but not in a clean delivery", people.get(i), done)
                        .isTrue();
            }
            for (String missing : clean) {
                assertThat(changes(outcomes, people.get(i), AccessOutcome.ALREADY_SO)).as("%s: %s", people.get(i),
                        missing).contains(missing);
                notReportedDone.add(people.get(i).id() + " " + missing);
            }
        }
        assertThat(notReportedDone).hasSizeLessThanOrEqualTo(1);

        long done = outcomes.stream().filter(e -> ids.contains(e.getPersonId()) && e.getOutcome() == AccessOutcome.DONE)
                .count();
        long already = outcomes.stream().filter(e -> ids.contains(e.getPersonId())
                && e.getOutcome() == AccessOutcome.ALREADY_SO).count();
        long twinsDone = outcomes.stream().filter(e -> !ids.contains(e.getPersonId())
                && e.getOutcome() == AccessOutcome.DONE).count();
        System.out.printf("ReplayDuplicateIT: %d events, %d records published for %d people; %d outcomes at the kill; "
                        + "DONE %d (clean delivery to the twins: %d), ALREADY_SO %d, not reported DONE %s; %d ms%n",
                events.size(), 3 * events.size(),
                people.size(), outcomesAtTheKill, done, twinsDone, already, notReportedDone,
                Duration.between(started, Instant.now()).toMillis());
    }

    private static List<Person> people(String prefix) {
        List<Person> people = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < PER_KIND; i++) {
                people.add(new Person(prefix + "-" + kind.ordinal() + "-" + i, kind));
            }
        }
        return people;
    }

    /** One person's HR events, in order: joined last year, moved last month, left two days ago or terminated now. */
    private static List<HrLifecycleEvent> history(Person p) {
        LocalDate today = LocalDate.now();
        Instant now = Instant.now();
        List<HrLifecycleEvent> events = new ArrayList<>();
        events.add(HrEvents.joiner(p.id(), "Ada", "Replay" + p.id().replace("-", ""), ENGINEER,
                today.minusYears(1), now));
        if (p.kind() == Kind.MOVER || p.kind() == Kind.MOVER_TERMINATED) {
            events.add(HrEvents.mover(p.id(), ENGINEER, EXAMINER, today.minusDays(30), now));
        }
        if (p.kind() == Kind.LEAVER) {
            events.add(HrEvents.leaver(p.id(), ENGINEER.getAgency(), today.minusDays(2), false, now));
        } else if (p.kind() == Kind.MOVER_TERMINATED) {
            events.add(HrEvents.leaver(p.id(), EXAMINER.getAgency(), today, true, now));
        }
        return events;
    }

    /** Each event twice in a row, as a producer retrying without idempotence or an HR system resending would. */
    private static List<HrLifecycleEvent> twice(List<HrLifecycleEvent> events) {
        return events.stream().flatMap(e -> Stream.of(e, e)).toList();
    }

    /** What happened to the person of {@code actionId}: their commands (how often each was planned) and outcomes. */
    private static String timeline(List<AccessEvent> outcomes, String actionId) {
        String person = outcomes.stream().filter(e -> e.getActionId().equals(actionId)).findFirst().orElseThrow()
                .getPersonId();
        Map<String, Long> planned = commandsSoFar(c -> c.getPersonId().equals(person)).stream()
                .collect(Collectors.groupingBy(AccessCommand::getActionId, Collectors.counting()));
        return outcomes.stream().filter(e -> e.getPersonId().equals(person))
                .map(e -> String.format("  %s %-12s %s (commanded %dx) %s", e.getEffectiveAt(), e.getOutcome(),
                        e.getActionId(), planned.getOrDefault(e.getActionId(), 0L), e.getOccurredAt()))
                .collect(Collectors.joining("\n"));
    }

    /** The person's changes with that outcome, as "ACTION entitlement" (comparable between a person and a twin). */
    private static List<String> changes(List<AccessEvent> outcomes, Person p, AccessOutcome outcome) {
        return outcomes.stream().filter(e -> e.getPersonId().equals(p.id()) && e.getOutcome() == outcome)
                .map(e -> e.getAction() + " " + e.getEntitlement()).sorted().toList();
    }

    /** The accounts once every person's is in its final state (or as they are after WAIT, for the assertions). */
    private Map<String, List<Account>> awaitDirectory(List<Person> everyone) throws InterruptedException {
        Set<String> ids = everyone.stream().map(Person::id).collect(Collectors.toSet());
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, List<Account>> accounts = Map.of();
        while (System.nanoTime() < deadline) {
            accounts = SlapdAccounts.of(slapd, ids);
            Set<String> settled = new HashSet<>();
            for (Person p : everyone) {
                List<Account> found = accounts.getOrDefault(p.id(), List.of());
                if (found.size() == 1 && found.get(0).locked() == p.left() && found.get(0).groups().equals(p.groups())) {
                    settled.add(p.id());
                }
            }
            if (settled.size() == everyone.size()) {
                return accounts;
            }
            Thread.sleep(500);
        }
        return accounts;
    }
}
