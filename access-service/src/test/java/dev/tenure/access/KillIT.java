package dev.tenure.access;

import static dev.tenure.access.support.CommandTopics.awaitEvents;
import static dev.tenure.access.support.CommandTopics.eventsSoFar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.support.ConsumerGroups;
import dev.tenure.access.support.HrEvents;
import dev.tenure.access.support.HrTopic;
import dev.tenure.access.support.PackagedAccessEnvironment;
import dev.tenure.access.support.SlapdAccounts;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TestTokens;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} with 1,000 leavers' cut-offs ahead: half of them (group A) fall due while the service is down, half
 * (group B) after it is back. Started again under the same instance id (static membership), the service has its
 * partitions back at once: it cuts group A off right after the restart and group B on time, each person exactly once,
 * and slapd shows all 1,000 accounts locked.
 */
class KillIT {

    private static final int PEOPLE = 1000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    // The time plan, fixed once the 1,000 joiners are enabled (they take the longest and vary the most). The
    // relocations and resignations must then be carried out and planned within LEAD; group A's cut-offs fall over
    // A_SPREAD while the service is down; the restart (JVM start, state restored from the changelogs, partitions
    // back) must fit in RESTART, before group B's cut-offs fall over B_SPREAD. Spread over seconds, as real cut-offs
    // are, rather than one burst of 500.
    private static final Duration LEAD = Duration.ofSeconds(20);
    private static final Duration A_SPREAD = Duration.ofSeconds(5);
    private static final Duration RESTART = Duration.ofSeconds(25);
    private static final Duration B_SPREAD = Duration.ofSeconds(10);

    /** Group A must be cut off within this of the restarted service being ready: "at once". */
    private static final Duration AT_ONCE = Duration.ofSeconds(30);
    /** Group B must be cut off within this of its due time: "on time" (the timers tick every second). */
    private static final Duration ON_TIME = Duration.ofSeconds(5);

    /** An agency of no rule but the baseline: an account and DL-All-Staff, so few commands per person. */
    private static final Position CLERK = HrEvents.position("CTR", "Accounts Payable", "ADM-1", "Clerk");
    private static final String HELPDESK = TestTokens.sign("helpdesk-kill-it", "helpdesk", null);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OpenLdapDirectory slapd;
    private PackagedService service;

    /** One leaver: whose cut-off (17:00 local on {@code endDate} in {@code zone}) is {@code cutOff}. */
    record Leaver(String personId, boolean overdue, Instant cutOff, String zone, LocalDate endDate) {
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
    void shouldCutTheOverdueOffAtOnceAfterAKillAndTheOthersOnTimeEachExactlyOnce() throws Exception {
        // Given the service running against slapd under a static instance id, with the brake out of the way
        slapd = OpenLdapDirectory.start(List.of(Path.of("src/main/resources/directory/openldap/tenure.schema")));
        PackagedAccessEnvironment setup = PackagedAccessEnvironment.create("access-kill-it", slapd);
        Map<String, String> env = setup.env();
        env.put("TENURE_ACCESS_BRAKE_THRESHOLD", "100000");
        env.put("TENURE_ACCESS_CUT_OFF_AT", "17:00");
        Instant started = Instant.now();
        service = PackagedService.start("access-service-kill-it", env, 0).awaitReady(WAIT);
        Instant zero = Instant.now();
        progress("started", started, zero);

        // And 1,000 people who joined last year, with enabled accounts
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = IntStream.range(0, PEOPLE).mapToObj(i -> "K" + run + "-" + i).toList();
        Set<String> people = Set.copyOf(ids);
        LocalDate lastYear = LocalDate.now(ZoneOffset.UTC).minusYears(1);
        HrTopic.publish(ids.stream().map(id -> HrEvents.joiner(id, "Ada", "Kill" + id.replace("-", ""), CLERK,
                lastYear, Instant.now())).toList());
        awaitEvents(e -> people.contains(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_ENABLED, PEOPLE,
                WAIT);
        Instant joined = Instant.now();
        progress("1,000 joiners enabled", zero, joined);

        // When each relocates to a zone of their own and resigns, half (A) to leave in LEAD, half (B) after the restart
        Instant aFirst = joined.plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        Instant bFirst = aFirst.plus(A_SPREAD).plus(RESTART);
        List<Leaver> leavers = leavers(ids, aFirst, bFirst);
        HrTopic.publish(leavers.stream().flatMap(l -> Stream.of(relocation(l), resignation(l, joined))).toList());

        // And all 1,000 are planned, none due yet
        awaitEvents(e -> people.contains(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_UPDATED, PEOPLE,
                WAIT);
        ConsumerGroups.awaitCaughtUp(setup.plannerGroup(), Topics.HR_LIFECYCLE_EVENTS, WAIT);
        for (int i = 0; i < PEOPLE; i += PEOPLE / 20) {
            assertPlanned(leavers.get(i));
        }
        Instant planned = Instant.now();
        progress("1,000 relocated and planned", joined, planned);
        assertThat(planned).as("relocating and planning must fit in %s (raise LEAD)", LEAD).isBefore(aFirst);
        assertThat(ConsumerGroups.instanceIds(setup.plannerGroup())).as("the planner's members are static")
                .isNotEmpty().allSatisfy(id -> assertThat(id).hasValueSatisfying(v -> assertThat(v)
                        .startsWith(setup.instanceId())));
        assertThat(ConsumerGroups.instanceIds(setup.executorGroup())).as("the executor's member is static")
                .containsExactly(Optional.of(setup.instanceId() + "-executor"));

        // And the service is killed, and started again (same environment, same port) once all of group A is overdue
        service.kill();
        Instant killed = Instant.now();
        assertThat(eventsSoFar(e -> people.contains(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_DISABLED))
                .as("nobody is cut off before the kill").isEmpty();
        sleepUntil(aFirst.plus(A_SPREAD).plusSeconds(1));
        Instant restarted = Instant.now();
        service = PackagedService.start("access-service-kill-it-2", env, service.port()).awaitReady(WAIT);
        Instant ready = Instant.now();
        progress("restarted after " + Duration.between(killed, restarted).toSeconds() + " s down", restarted, ready);
        assertThat(ready).as("the restart must fit in %s (raise RESTART)", RESTART).isBefore(bFirst);

        // Then every one of the 1,000 is disabled exactly once, by a change made (DONE): nothing was in flight at the
        // kill, so no redelivery has a reason to answer ALREADY_SO
        awaitEvents(e -> people.contains(e.getPersonId()) && e.getAction() == AccessAction.ACCOUNT_DISABLED, PEOPLE,
                WAIT);
        Instant allDisabled = Instant.now();
        progress("1,000 disabled", restarted, allDisabled);
        Map<String, List<AccessEvent>> disables = eventsSoFar(e -> people.contains(e.getPersonId())
                && e.getAction() == AccessAction.ACCOUNT_DISABLED).stream()
                .collect(Collectors.groupingBy(AccessEvent::getPersonId));
        assertThat(disables.keySet()).containsExactlyInAnyOrderElementsOf(people);
        assertThat(disables.values()).allSatisfy(events -> assertThat(events).singleElement()
                .satisfies(e -> assertThat(e.getOutcome()).isEqualTo(AccessOutcome.DONE)));
        Map<String, Leaver> byId = leavers.stream().collect(Collectors.toMap(Leaver::personId, Function.identity()));
        List<AccessEvent> groupA = new ArrayList<>();
        List<AccessEvent> groupB = new ArrayList<>();
        disables.values().forEach(events -> {
            AccessEvent e = events.get(0);
            Leaver leaver = byId.get(e.getPersonId());
            assertThat(e.getDueAt()).as("dueAt of %s", leaver).isEqualTo(leaver.cutOff());
            assertThat(e.getEffectiveAt()).as("never before the cut-off: %s", e).isAfterOrEqualTo(e.getDueAt());
            (leaver.overdue() ? groupA : groupB).add(e);
        });
        printFigures(groupA, groupB, restarted, ready);

        // And group A, due while the service was down, right after the restart; group B on time
        assertThat(groupA).allSatisfy(e -> assertThat(e.getEffectiveAt()).isAfter(restarted)
                .isBefore(ready.plus(AT_ONCE)));
        assertThat(groupB).allSatisfy(e -> assertThat(Duration.between(e.getDueAt(), e.getEffectiveAt()))
                .as("lateness of %s", e.getPersonId()).isLessThan(ON_TIME));

        // And the directory, read directly, shows all 1,000 accounts locked, one each
        Map<String, List<SlapdAccounts.Account>> accounts = SlapdAccounts.of(slapd, people);
        assertThat(accounts.keySet()).containsExactlyInAnyOrderElementsOf(people);
        assertThat(accounts.values()).allSatisfy(a -> assertThat(a).singleElement()
                .satisfies(account -> assertThat(account.locked()).as(account.dn()).isTrue()));
    }

    /**
     * 1,000 leavers, half with cut-offs spread over {@code A_SPREAD} from {@code aFirst}, half over {@code B_SPREAD}
     * from {@code bFirst}. The cut-off is 17:00 local time on the end date: to make it fall at a chosen instant, each
     * person gets a fixed-offset zone (to the second; ZoneId.of reads "+05:37:12") and an end date such that 17:00 in
     * it is that instant.
     */
    private static List<Leaver> leavers(List<String> ids, Instant aFirst, Instant bFirst) {
        List<Leaver> leavers = new ArrayList<>();
        int half = ids.size() / 2;
        for (int i = 0; i < ids.size(); i++) {
            boolean overdue = i < half;
            Instant cutOff = (overdue ? aFirst.plusMillis(A_SPREAD.toMillis() * i / half)
                    : bFirst.plusMillis(B_SPREAD.toMillis() * (i - half) / half)).truncatedTo(ChronoUnit.SECONDS);
            // 17:00 local = the instant: offset = 17:00 − the instant's UTC time of day, within (−7 h, +17 h]
            LocalDateTime utc = LocalDateTime.ofInstant(cutOff, ZoneOffset.UTC);
            LocalDate endDate = utc.toLocalDate();
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) Duration.between(utc, endDate.atTime(17, 0))
                    .getSeconds());
            leavers.add(new Leaver(ids.get(i), overdue, cutOff, offset.getId(), endDate));
        }
        return leavers;
    }

    /**
     * The planner keeps the zone of the person's position (the leaver's own zone only counts for someone it never
     * saw join), so the zone is given by a move, effective yesterday, to the same job in it: it takes effect at once
     * and changes nothing in the directory (ALREADY_SO).
     */
    private static HrLifecycleEvent relocation(Leaver l) {
        Position relocated = Position.newBuilder(CLERK).setTimeZone(l.zone()).build();
        HrLifecycleEvent move = HrEvents.mover(l.personId(), CLERK, relocated, l.endDate().minusDays(1), Instant.now());
        return HrLifecycleEvent.newBuilder(move).setTimeZone(l.zone()).build();
    }

    private static HrLifecycleEvent resignation(Leaver l, Instant submittedAt) {
        HrLifecycleEvent leaver = HrEvents.leaver(l.personId(), CLERK.getAgency(), l.endDate(), false, submittedAt);
        return HrLifecycleEvent.newBuilder(leaver).setTimeZone(l.zone()).build();
    }

    /** The read API shows the leaver still active, with a CUT_OFF planned at their instant. */
    private void assertPlanned(Leaver l) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.baseUri()
                .resolve("/api/v1/people/" + l.personId() + "/access")).header("Authorization", "Bearer " + HELPDESK)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonPath view = JsonPath.from(response.body());
        assertThat(view.getString("phase")).as("%s: %s", l, response.body()).isEqualTo("ACTIVE");
        assertThat(view.<String>getList("planned.findAll { it.what == 'CUT_OFF' }.dueAt")).as("%s", l)
                .containsExactly(l.cutOff().toString());
    }

    private static void printFigures(List<AccessEvent> groupA, List<AccessEvent> groupB, Instant restarted,
                                     Instant ready) {
        Function<AccessEvent, Duration> sinceRestart = e -> Duration.between(restarted, e.getEffectiveAt());
        System.out.printf("KillIT: restart to ready %d ms; group A (%d, due while down) disabled after the restart: "
                        + "first %s, p50 %s, max %s (lateness p50 %s, max %s); group B (%d, due after the restart) "
                        + "lateness p50 %s, max %s%n", Duration.between(restarted, ready).toMillis(), groupA.size(),
                millis(groupA, sinceRestart, 0.0), millis(groupA, sinceRestart, 0.5), millis(groupA, sinceRestart, 1.0),
                millis(groupA, KillIT::lateness, 0.5), millis(groupA, KillIT::lateness, 1.0), groupB.size(),
                millis(groupB, KillIT::lateness, 0.5), millis(groupB, KillIT::lateness, 1.0));
    }

    private static void progress(String what, Instant from, Instant to) {
        System.out.printf("KillIT: %s in %d ms%n", what, Duration.between(from, to).toMillis());
    }

    private static Duration lateness(AccessEvent e) {
        return Duration.between(e.getDueAt(), e.getEffectiveAt());
    }

    private static String millis(List<AccessEvent> events, Function<AccessEvent, Duration> measure, double quantile) {
        List<Duration> sorted = events.stream().map(measure).sorted(Comparator.naturalOrder()).toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))).toMillis() + " ms";
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
