package dev.tenure.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.common.clock.AcceleratedClock;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.system.DirectoryAccounts.Account;
import dev.tenure.system.Evidence.Accepted;
import dev.tenure.system.ExpectedAccounts.Expected;
import dev.tenure.system.SleOracle.Counts;
import dev.tenure.system.SleOracle.Sle;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.feed.FeedConfig;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.SampleFeedGenerator;
import dev.tenure.tools.feed.ScheduledEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as the launcher deploys it: broker, registry, the demo's SCIM application and the four services
 * on one simulated clock, access-service writing to a real directory (slapd). A generated year of one organisation's
 * HR events is submitted through the intake, each at its submission time, at a speed that plays the year in a few
 * minutes. Then every account in the directory must be as the feed says, and the dashboard's SLE counts must equal
 * those computed independently ({@link SleOracle}) from the feed and the services' own records.
 */
class SystemIT {

    private static final int PEOPLE = Integer.getInteger("system.people", 100);
    /** How many real seconds the feed's year (and its last due times) takes to play. */
    private static final int FEED_SECONDS = Integer.getInteger("system.feed-seconds", 120);
    private static final Duration CONVERGE = Duration.ofSeconds(Integer.getInteger("system.converge-seconds", 180));
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path REPORT_DIR = Path.of("target/system-test");

    @TempDir
    Path dataDir;

    @Test
    void aYearOfHrEventsEndsInTheDirectoryAndOnTheDashboardAsComputedIndependently() throws Exception {
        List<ScheduledEvent> feed = SampleFeedGenerator.generate(FeedConfig.defaults().withPeople(PEOPLE)
                .withPersonIdPrefix("S"));
        Instant firstSubmission = feed.get(0).submitAt();
        LocalDate lastDate = feed.stream().map(s -> s.event().effectiveDate()).max(LocalDate::compareTo).orElseThrow();
        // the last case comes due at the start of the 15th day after the last date, in a zone up to a day off UTC
        Instant allDue = lastDate.plusDays(17).atStartOfDay(ZoneOffset.UTC).toInstant();
        double speed = Duration.between(firstSubmission, allDue).toMillis() / (FEED_SECONDS * 1000.0);
        Instant clockStart = firstSubmission.minus(Duration.ofDays(20));
        // the launcher takes 30-70 s to start everything (more on a busy machine); the simulated clock reaches
        // clockStart 90 s from now, so the feed's first submissions are not already late
        Instant anchor = Instant.now().plusSeconds(Integer.getInteger("system.start-seconds", 90));
        AcceleratedClock clock = new AcceleratedClock(clockStart, anchor, speed);
        System.out.printf("system test: %d events of %d people, %s to %s, clock speed %.0f (a day in %.2f s)%n",
                feed.size(), PEOPLE, firstSubmission, allDue, speed, 86_400 / speed);

        try (OpenLdapDirectory slapd = OpenLdapDirectory.start(List.of(
                REPO.resolve("access-service/src/main/resources/directory/openldap/tenure.schema")))) {
            Map<String, String> env = new HashMap<>(slapd.accessServiceEnvironment());
            // The year plays in minutes: an outcome may be read a simulated day before its lifecycle event, and the
            // punctuator that decides due cases should look every real second.
            env.put("TENURE_AUDIT_SLE_UNMATCHED_RETENTION", "P30D");
            env.put("TENURE_AUDIT_SLE_CHECK_INTERVAL", "PT1S");
            try (LocalDeployment system = LocalDeployment.up(REPO, dataDir, clockStart, anchor, speed, env)) {
                try {
                    playAndCheck(system, slapd, feed, clock, speed, allDue);
                } finally {
                    copyLogs(system.logs());
                }
            }
        }
    }

    private void playAndCheck(LocalDeployment system, OpenLdapDirectory slapd, List<ScheduledEvent> feed,
                              AcceleratedClock clock, double speed, Instant allDue) throws Exception {
        JwtMinter minter = JwtMinter.fromPemFile(system.privateKey(), JwtMinter.DEFAULT_ISSUER);
        DashboardReport dashboard = new DashboardReport(system.serviceUrl("audit-service"), minter);
        awaitSleTopology(dashboard, clock);
        long began = System.nanoTime();
        // Deskside staff and provisioners act at once for the people with an even number, and never for the others.
        try (HelpingHands hands = HelpingHands.start(system, minter,
                personId -> Integer.parseInt(personId.replaceAll("\\D", "")) % 2 == 0)) {
            FeedSubmitter submitter = new FeedSubmitter(system.serviceUrl("hr-events-service"), minter, clock, speed);
            List<FeedSubmitter.Refusal> refused = submitter.submitOnTime(feed);
            System.out.printf("system test: feed submitted in %.1f s, simulated clock at %s; %d events sent more "
                    + "than a simulated hour after their time%n", (System.nanoTime() - began) / 1e9, clock.instant(),
                    submitter.lateSends());
            assertThat(refused).as("every generated event is accepted by the intake").isEmpty();
            Thread.sleep(Math.max(0, (long) (Duration.between(clock.instant(), allDue).toMillis() / speed)));
            System.out.println("system test: helping hands recorded " + hands.summary());
        }

        SystemTopics topics = new SystemTopics(system.bootstrapServers(), system.registryUrl());
        SleOracle.Result expected = null;
        Map<Sle, Counts> shown = Map.of();
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        do {
            if (expected != null) {
                Thread.sleep(5_000);
            }
            List<Accepted> accepted = accepted(feed, topics.lifecycleEvents());
            expected = SleOracle.compute(accepted, topics.planned(), topics.outcomes(), topics.itemChanges(),
                    clock.instant());
            shown = dashboard.counts();
        } while (!shown.equals(expected.counts()) && System.nanoTime() < deadline);
        List<String> differences = differences(expected, topics.reportedCases());
        writeReport(expected, shown, differences);

        assertThat(expected.counts().values()).as("every case is decided").allMatch(c -> c.pending() == 0);
        assertThat(expected.counts().values().stream().mapToLong(Counts::met).sum()).as("some cases are met").isPositive();
        assertThat(shown).as("the dashboard's SLE counts (left) equal the independent computation (right); close "
                + "calls: " + expected.closeCalls() + "; cases that differ: " + differences)
                .isEqualTo(expected.counts());

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Expected> accounts = ExpectedAccounts.on(today.minusDays(1),
                accepted(feed, topics.lifecycleEvents()));
        Map<String, Account> directory = DirectoryAccounts.read(slapd);
        List<String> wrong = new ArrayList<>();
        accounts.forEach((personId, account) -> {
            Account actual = directory.get(personId);
            boolean right = account == Expected.ENABLED ? actual == Account.ENABLED : actual != Account.ENABLED;
            if (!right) {
                wrong.add(personId + ": expected " + account + ", directory has " + actual);
            }
        });
        System.out.printf("system test: %d accounts checked (%d enabled, %d not), %d wrong%n", accounts.size(),
                accounts.values().stream().filter(a -> a == Expected.ENABLED).count(),
                accounts.values().stream().filter(a -> a == Expected.NOT_ENABLED).count(), wrong.size());
        assertThat(accounts.values()).as("the feed has people who stay and people who left")
                .contains(Expected.ENABLED, Expected.NOT_ENABLED);
        assertThat(wrong).as("accounts in the directory that differ from the feed").isEmpty();
    }

    /**
     * Waits until the SLE topology answers: readiness does not wait for it, and an event it reads seconds late is read
     * simulated weeks late (a cancellation after the start date it cancels no longer withdraws the joiner's case).
     */
    private static void awaitSleTopology(DashboardReport dashboard, AcceleratedClock clock) throws Exception {
        long began = System.nanoTime();
        while (true) {
            try {
                dashboard.counts();
                System.out.printf("system test: the SLE topology answered %.1f s after the services were ready, "
                        + "simulated clock at %s%n", (System.nanoTime() - began) / 1e9, clock.instant());
                return;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() - began > Duration.ofMinutes(2).toNanos()) {
                    throw new AssertionError("the SLE topology did not answer in 2 minutes: " + notYet.getMessage());
                }
                Thread.sleep(500);
            }
        }
    }

    /** The fed events as the intake stamped them; fails when one is missing from hr-lifecycle-events. */
    private static List<Accepted> accepted(List<ScheduledEvent> feed, List<HrLifecycleEvent> onTopic) {
        Map<String, HrLifecycleEvent> byId = onTopic.stream()
                .collect(Collectors.toMap(HrLifecycleEvent::getEventId, Function.identity(), (a, b) -> a));
        List<Accepted> accepted = new ArrayList<>();
        for (ScheduledEvent scheduled : feed) {
            FeedEvent event = scheduled.event();
            HrLifecycleEvent stamped = byId.get(event.eventId());
            assertThat(stamped).as("event " + event.eventId() + " on hr-lifecycle-events").isNotNull();
            accepted.add(new Accepted(event, stamped.getSubmittedAt(), stamped.getCorrelationId()));
        }
        return accepted;
    }

    /** The cases whose status the topology reported otherwise than the oracle decided (or not at all). */
    private static List<String> differences(SleOracle.Result expected, Map<String, Evidence.Reported> reported) {
        Map<String, Evidence.Reported> byOpening = new HashMap<>();
        reported.values().forEach(r -> byOpening.put(r.sle() + ":" + r.caseId().substring(r.caseId().lastIndexOf(':') + 1), r));
        List<String> differences = new ArrayList<>();
        for (SleOracle.Decided d : expected.cases()) {
            Evidence.Reported r = byOpening.remove(d.sle() + ":" + d.openingEventId());
            if (r == null || !r.status().equals(d.status().name())) {
                differences.add(d.sle() + " of " + d.personId() + " (" + d.openingEventId() + "): oracle " + d.status()
                        + " due " + d.dueAt() + " completed " + d.completedAt() + " open " + d.openWork()
                        + "; topology " + (r == null ? "no case" : r.status() + " due " + r.dueAt() + " completed "
                        + r.completedAt()));
            }
        }
        byOpening.values().forEach(r -> differences.add(r.caseId() + " of " + r.personId() + ": topology "
                + r.status() + " due " + r.dueAt() + "; oracle has no such case"));
        return differences;
    }

    private static void writeReport(SleOracle.Result expected, Map<Sle, Counts> shown, List<String> differences)
            throws Exception {
        Files.createDirectories(REPORT_DIR);
        StringBuilder report = new StringBuilder("| SLE | dashboard (total, met, missed, pending, late) | "
                + "independent computation |\n|---|---|---|\n");
        for (Sle sle : Sle.values()) {
            report.append("| ").append(sle).append(" | ").append(shown.get(sle)).append(" | ")
                    .append(expected.counts().get(sle)).append(" |\n");
        }
        report.append("\nclose calls: ").append(expected.closeCalls()).append('\n');
        report.append("\ncases that differ: ").append(differences.size()).append('\n');
        differences.forEach(d -> report.append("* ").append(d).append('\n'));
        Files.writeString(REPORT_DIR.resolve("report.md"), report);
        System.out.println(report);
        StringBuilder cases = new StringBuilder("sle,personId,agency,openingEventId,effectiveDate,dueAt,status,"
                + "completedAt,openWork\n");
        for (SleOracle.Decided d : expected.cases()) {
            cases.append(String.join(",", d.sle().name(), d.personId(), d.agency(), d.openingEventId(),
                    d.effectiveDate().toString(), d.dueAt().toString(), d.status().name(),
                    String.valueOf(d.completedAt()), String.join(" ", d.openWork()).replace(',', ';'))).append('\n');
        }
        Files.writeString(REPORT_DIR.resolve("oracle-cases.csv"), cases);
    }

    private static void copyLogs(Path logs) throws Exception {
        Path target = REPORT_DIR.resolve("logs");
        Files.createDirectories(target);
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
