package dev.tenure.audit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.audit.sle.streams.SleTopology;
import dev.tenure.audit.support.AuditTestResource;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TestTokens;
import dev.tenure.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two audit-service instances, real processes (the packaged app), on one real broker and registry, sharing one SLE
 * application id, so the SLE topology's partitions are split between them: a case's or an aggregate's answer is the
 * same from either instance, whichever owns it (the non-owner fetches it from the owner,
 * {@code KafkaStreams.queryMetadataForKey} and {@code application.server}), a scan unites both instances' parts, and a
 * page of the case list merges both instances' own pages: read a page at a time from either, every case comes once, in
 * order, with the total.
 *
 * <p>The audit chain is off in both (it is not what is tested, and audit-log has one writer per partition). Runs in
 * the failsafe JVM of its own with {@link dev.tenure.audit.CrashIT} (own broker): two more SLE applications on the
 * broker of the {@code @QuarkusTest}s would write case statuses that the test service's aggregates read back.
 */
@EnabledIfSystemProperty(named = "tenure.crash-jvm", matches = "true")
class TwoInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String ANALYST = TestTokens.sign("analyst-ana", "analyst", null);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUT_OFF = "ACCESS_CUT_ON_END_DATE";

    private final String applicationId = "audit-two-instances-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path stateDir = PackagedService.moduleDir().resolve("target/two-instances-it").resolve(applicationId);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<PackagedService> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(PackagedService::close);
    }

    @Test
    void shouldAnswerEveryCaseAndAggregateFromEitherInstanceWhenTheSleTopologyIsSplitBetweenTwo() throws Exception {
        // Given one scenario (two leavers: one disabled on the end date, one never) in each of six agencies chosen so
        // that their cut-off cases fall on all six partitions of sle-case-status
        AuditTestResource.createCatalogueTopics(TenurePeers.shared());
        List<DashboardScenario> scenarios = scenariosOnEveryPartition();
        scenarios.forEach(DashboardScenario::publishHistory);

        // And two instances of the packaged service with one SLE application id
        PackagedService a = start("audit-two-instances-a", "a");
        PackagedService b = start("audit-two-instances-b", "b");

        // When the group has split the partitions between them (each instance's own store holds some cases only)
        Map<String, PackagedService> owners = new HashMap<>();
        Await.until(WAIT, () -> {
            owners.clear();
            for (DashboardScenario s : scenarios) {
                String caseId = s.cutCase(s.personA);
                boolean onA = status(a, "/api/v1/sle/instance/cases/" + encode(caseId)) == 200;
                boolean onB = status(b, "/api/v1/sle/instance/cases/" + encode(caseId)) == 200;
                assertThat(onA ^ onB).as("exactly one instance holds %s (a: %s, b: %s)", caseId, onA, onB).isTrue();
                owners.put(caseId, onA ? a : b);
            }
            assertThat(owners.values()).as("cases held by each instance").contains(a, b);
        });
        System.out.printf("TwoInstancesIT: instance a (port %d) holds %d of the %d cut-off cases, b (port %d) %d%n",
                a.port(), owners.values().stream().filter(a::equals).count(), owners.size(), b.port(),
                owners.values().stream().filter(b::equals).count());

        // Then each case is answered, the same, by both instances: the owner from its store, the other by fetching it
        for (DashboardScenario s : scenarios) {
            for (String caseId : List.of(s.cutCase(s.personA), s.cutCase(s.personB))) {
                JsonNode fromA = Await.value(WAIT, () -> get(a, "/api/v1/sle/cases/" + encode(caseId)), n -> { });
                JsonNode fromB = get(b, "/api/v1/sle/cases/" + encode(caseId));
                assertThat(fromA.path("view").path("caseId").asText()).isEqualTo(caseId);
                assertThat(fromB).as("%s from the other instance", caseId).isEqualTo(fromA);
                assertThat(fromA.path("view").path("status").asText())
                        .isEqualTo(caseId.equals(s.cutCase(s.personA)) ? "MET" : "MISSED");
            }
        }

        // And each agency's aggregate too (a scan: the instances' parts united), as the topology counted it
        for (DashboardScenario s : scenarios) {
            JsonNode fromA = cutOffCounts(a, s.agency);
            JsonNode fromB = cutOffCounts(b, s.agency);
            assertThat(fromA.path("met").asInt()).as("met in %s", s.agency).isEqualTo(1);
            assertThat(fromA.path("missed").asInt()).as("missed in %s", s.agency).isEqualTo(1);
            assertThat(fromB).isEqualTo(fromA);
        }

        // And a list over all agencies holds every scenario's cases, whichever instance is asked
        for (PackagedService instance : List.of(a, b)) {
            JsonNode missed = get(instance, "/api/v1/sle/cases?status=MISSED&sle=" + CUT_OFF + "&limit=500");
            List<String> ids = new ArrayList<>();
            missed.path("cases").forEach(c -> ids.add(c.path("view").path("caseId").asText()));
            assertThat(ids).containsAll(scenarios.stream().map(s -> s.cutCase(s.personB)).toList());
        }

        // And read three at a time, the pages asked of either instance in turn (each merging both instances' own
        // pages), the list holds every case exactly once, in order, as many as the total says and the report counts
        List<String> everyCutCase = scenarios.stream().flatMap(s -> Stream.of(s.cutCase(s.personA),
                s.cutCase(s.personB))).toList();
        Await.until(WAIT, () -> {
            Paged paged = pageThrough(List.of(a, b), "/api/v1/sle/cases?status=MET,MISSED&sle=" + CUT_OFF, 3);
            assertThat(paged.caseIds()).doesNotHaveDuplicates().hasSize((int) paged.total())
                    .containsAll(everyCutCase);
            assertThat(paged.positions()).isSorted();
            JsonNode counts = cutOffCounts(a, null);
            assertThat(paged.total()).as("the report's met + missed")
                    .isEqualTo(counts.path("met").asLong() + counts.path("missed").asLong());
            assertThat(paged.pages()).isGreaterThanOrEqualTo(4);
            System.out.printf("TwoInstancesIT: %d cut-off cases in %d pages of 3, from both instances in turn%n",
                    paged.total(), paged.pages());
        });
    }

    /** What a list read a page at a time gave: its case ids and their places in order, the total, the pages. */
    private record Paged(List<String> caseIds, List<String> positions, long total, int pages) {
    }

    /** Reads the list at {@code path} {@code limit} at a time, asking the instances in turn, each page's total alike. */
    private Paged pageThrough(List<PackagedService> instances, String path, int limit) {
        List<String> ids = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        long total = -1;
        int pages = 0;
        String next = null;
        do {
            JsonNode page = get(instances.get(pages % instances.size()), path + "&limit=" + limit
                    + (next == null ? "" : "&after=" + next));
            assertThat(page.path("cases").size()).isLessThanOrEqualTo(limit);
            if (total < 0) {
                total = page.path("total").asLong();
            }
            assertThat(page.path("total").asLong()).as("total on page %d", pages).isEqualTo(total);
            for (JsonNode c : page.path("cases")) {
                String caseId = c.path("view").path("caseId").asText();
                ids.add(caseId);
                // due time (epoch ms, 15 digits) then case id: the list's order, comparable as text
                JsonNode due = c.path("view").path("dueAt");
                positions.add(String.format("%015d", due.isNull() ? 999_999_999_999_999L
                        : Instant.parse(due.asText()).toEpochMilli()) + "|" + caseId);
            }
            next = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (next != null);
        return new Paged(ids, positions, total, pages);
    }

    /** One scenario per partition of sle-case-status, by where its cut-off cases' key falls. */
    private static List<DashboardScenario> scenariosOnEveryPartition() {
        String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        Map<Integer, DashboardScenario> byPartition = new HashMap<>();
        for (int i = 0; byPartition.size() < Topics.SLE_CASE_STATUS.partitions(); i++) {
            DashboardScenario scenario = new DashboardScenario("TI" + run + i);
            int partition = SleTopology.QUERY_PARTITIONER.partitions(Topics.SLE_CASE_STATUS.name(),
                    scenario.cutCase(scenario.personA), null, Topics.SLE_CASE_STATUS.partitions())
                    .orElseThrow().iterator().next();
            byPartition.putIfAbsent(partition, scenario);
        }
        return List.copyOf(byPartition.values());
    }

    private PackagedService start(String name, String instance) {
        TenurePeers peers = TenurePeers.shared();
        Map<String, String> env = PackagedService.environment(peers.bootstrapServers(), peers.registryUrl());
        env.put("TENURE_AUDIT_SLE_APPLICATION_ID", applicationId);
        env.put("TENURE_AUDIT_STATE_DIR", stateDir.resolve(instance).toAbsolutePath().toString());
        env.put("TENURE_AUDIT_ADVERTISED_HOST", "127.0.0.1");
        env.put("TENURE_AUDIT_CHAIN_ENABLED", "false");
        PackagedService service = PackagedService.start(name, env);
        services.add(service);
        // ready although its chain is off (on purpose: an SLE-only instance); the queries below still wait for the SLE
        // stores themselves (503 until they are queryable)
        return service.awaitReady(WAIT);
    }

    /** The cut-off's counts in the report of one agency, or of all ({@code agency} null). */
    private JsonNode cutOffCounts(PackagedService instance, String agency) {
        JsonNode report = get(instance, "/api/v1/sle/compliance" + (agency == null ? "" : "?agency=" + encode(agency)));
        for (JsonNode sle : report.path("sles")) {
            if (sle.path("sle").asText().equals(CUT_OFF)) {
                return sle.path("counts");
            }
        }
        throw new AssertionError("no " + CUT_OFF + " in " + report);
    }

    private int status(PackagedService instance, String path) {
        return send(instance, path).statusCode();
    }

    private JsonNode get(PackagedService instance, String path) {
        HttpResponse<String> response = send(instance, path);
        assertThat(response.statusCode()).as("GET %s on port %d: %s", path, instance.port(), response.body())
                .isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(PackagedService instance, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ANALYST)
                .header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
