package dev.tenure.access.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.fanout.OutcomeWatch.Confirmation;
import dev.tenure.access.fanout.OutcomeWatch.Confirmed;
import dev.tenure.access.support.HrTopic;
import dev.tenure.access.support.SlapdAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The leaver cut-off fan-out benchmark (issue 5): N people (default 1,000; {@code -Dfanout.people}) provisioned in
 * every target (slapd as the directory, a SCIM application, Keycloak as the identity provider), then all terminated at once; the time until every target has confirmed every cut, and each person's
 * time until all of their targets have. Not a test of the normal build (its name does not end in IT): run it with
 * <pre>
 * ./mvnw -B -pl access-service -am -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=LeaverFanOutBench -Dfailsafe.failIfNoSpecifiedTests=false -Dfanout.people=1000 verify
 * </pre>
 * The service runs as deployed (its own JVM, 512 MiB, the serial collector, C2 on), on the same machine as the
 * broker, the registry and the targets. The report goes to {@code target/leaver-fanout-bench.md}.
 */
class LeaverFanOutBench {

    private static final List<String> DEPLOYED_JVM = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");

    @Test
    void measureTheCutOffFanOut() throws Exception {
        int count = Integer.getInteger("fanout.people", 1000);
        Duration wait = Duration.ofMinutes(Long.getLong("fanout.wait-minutes", 15));
        List<String> people = LeaverFanOut.people("B" + UUID.randomUUID().toString().substring(0, 6), count);
        try (FanOutTargets targets = FanOutTargets.start()) {
            targets.startService("access-fanout-bench", DEPLOYED_JVM, Duration.ofMinutes(2));
            try (OutcomeWatch watch = new OutcomeWatch()) {
                Instant joinersSent = Instant.now();
                HrTopic.publish(LeaverFanOut.joiners(people));
                assertThat(watch.awaitAll(people, LeaverFanOut.PROVISIONED, wait))
                        .as("provisioned; missing %s", head(watch.missing(people, LeaverFanOut.PROVISIONED))).isTrue();
                Duration provisioning = Duration.between(joinersSent, Instant.now());
                Thread.sleep(3000); // let the joiners' last memberships settle: the cut starts from a quiet service

                Instant cutSent = Instant.now();
                HrTopic.publish(LeaverFanOut.terminations(people));
                Duration published = Duration.between(cutSent, Instant.now());
                assertThat(watch.awaitAll(people, LeaverFanOut.CUT, wait))
                        .as("cut; missing %s", head(watch.missing(people, LeaverFanOut.CUT))).isTrue();
                Duration allCut = Duration.between(cutSent, Instant.now());

                // Checked in the targets themselves, not only in the outcome events
                long inactiveInScim = ScimAccounts.activeByPerson(targets.slack).entrySet().stream()
                        .filter(e -> people.contains(e.getKey()) && !e.getValue()).count();
                long lockedInDirectory = SlapdAccounts.of(targets.slapd, people).values().stream()
                        .filter(accounts -> accounts.size() == 1 && accounts.get(0).locked()).count();
                long disabledAtTheIdp = KeycloakAccounts.enabledByPerson(targets.keycloak, targets.realm.name())
                        .entrySet().stream().filter(e -> people.contains(e.getKey()) && !e.getValue()).count();
                assertThat(inactiveInScim).isEqualTo(count);
                assertThat(lockedInDirectory).isEqualTo(count);
                assertThat(disabledAtTheIdp).isEqualTo(count);
                assertThat(watch.failures()).isEmpty();

                String report = report(count, provisioning, published, allCut, watch, people, cutSent,
                        String.format("%d directory accounts locked, %d SCIM users inactive, %d Keycloak users disabled",
                                lockedInDirectory, inactiveInScim, disabledAtTheIdp));
                Path out = Path.of("target", "leaver-fanout-bench.md");
                Files.writeString(out, report);
                System.out.println(report);
            }
        }
    }

    private static String report(int count, Duration provisioning, Duration published, Duration allCut,
                                 OutcomeWatch watch, List<String> people, Instant cutSent, String readBack) {
        StringBuilder r = new StringBuilder();
        r.append("# Leaver cut-off fan-out: ").append(count).append(" people\n\n");
        r.append(String.format("- provisioning (joiners published → every account enabled in every target): %.1f s%n",
                provisioning.toMillis() / 1000.0));
        r.append(String.format("- %d immediate terminations published in %.2f s%n", count, published.toMillis() / 1000.0));
        r.append(String.format("- **every cut confirmed by every target: %.2f s after the first termination was "
                + "published**%n", allCut.toMillis() / 1000.0));
        r.append("- read back from the targets: ").append(readBack).append("\n\n");
        r.append("| confirmed | p50 | p95 | p99 | last |\n|---|---|---|---|---|\n");
        for (Confirmation c : LeaverFanOut.CUT.stream().sorted(Comparator.comparing(Confirmation::toString)).toList()) {
            r.append(row(c.toString(), seconds(watch, people, List.of(c), cutSent)));
        }
        r.append(row("all targets of the person", seconds(watch, people, List.copyOf(LeaverFanOut.CUT), cutSent)));
        r.append("\n(seconds from the termination's publication to the outcome event's arrival)\n");
        return r.toString();
    }

    /** Per person: seconds until the last of {@code confirmations} arrived, sorted. */
    private static double[] seconds(OutcomeWatch watch, List<String> people, List<Confirmation> confirmations,
                                    Instant since) {
        double[] s = new double[people.size()];
        for (int i = 0; i < people.size(); i++) {
            Instant last = since;
            for (Confirmation c : confirmations) {
                Confirmed confirmed = watch.confirmation(people.get(i), c);
                if (confirmed.seenAt().isAfter(last)) {
                    last = confirmed.seenAt();
                }
            }
            s[i] = Duration.between(since, last).toMillis() / 1000.0;
        }
        Arrays.sort(s);
        return s;
    }

    private static String row(String name, double[] sorted) {
        return String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", name, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static List<String> head(List<String> missing) {
        return new ArrayList<>(missing.subList(0, Math.min(10, missing.size())));
    }
}
