package dev.tenure.audit.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tenure.audit.support.AuditTestResource;
import dev.tenure.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard's API on the running service, its SLE topology fed by the real broker and registry: the numbers it
 * computed, the cases, the filters' errors, the roles, and the server-sent events of a change.
 */
@QuarkusTest
@QuarkusTestResource(value = AuditTestResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardApiIT {

    private static final String ANALYST = TestTokens.sign("analyst-ana", "analyst", null);
    private static final Duration TOPOLOGY = Duration.ofSeconds(90);
    private static final DashboardScenario SCENARIO = new DashboardScenario();

    @TestHTTPResource("/api/v1/sle/events")
    URL events;

    @BeforeAll
    static void publish() {
        SCENARIO.publishHistory();
    }

    @Test
    @Order(1)
    void shouldReportEachSlesComplianceAsTheTopologyComputedIt() throws InterruptedException {
        JsonPath report = Await.value(TOPOLOGY, () -> compliance(SCENARIO.agency), r -> {
            assertThat(counts(r, "ACCESS_CUT_ON_END_DATE")).containsEntry("met", 1).containsEntry("missed", 1);
            assertThat(counts(r, "PROVISIONED_BEFORE_START")).containsEntry("missed", 1)
                    .containsEntry("lateSubmissions", 1);
            assertThat(counts(r, "DEPROVISIONED_WITHIN_14_DAYS")).containsEntry("pending", 2);
        });

        assertThat(sle(report, "ACCESS_CUT_ON_END_DATE")).containsEntry("compliance", 0.5f)
                .containsEntry("target", 1.0f).containsEntry("meetsTarget", false);
        assertThat(sle(report, "PROVISIONED_BEFORE_START")).containsEntry("compliance", 0.0f)
                .containsEntry("target", 0.9f);
        assertThat(sle(report, "DEPROVISIONED_WITHIN_14_DAYS")).containsEntry("compliance", null)
                .containsEntry("meetsTarget", null);
        assertThat(report.getList("agencies", String.class)).contains(SCENARIO.agency);
        assertThat(report.getList("sles.find { it.sle == 'ACCESS_CUT_ON_END_DATE' }.byAgency.agency", String.class))
                .containsExactly(SCENARIO.agency);
        assertThat(report.getList("sles.find { it.sle == 'ACCESS_CUT_ON_END_DATE' }.trend")).isNotEmpty();
    }

    @Test
    @Order(2)
    void shouldListTheMissedAndAtRiskCasesWithTheirAuditTrail() throws InterruptedException {
        JsonPath cases = Await.value(TOPOLOGY, () -> cases(SCENARIO.agency), c -> assertThat(
                c.getList("cases.view.caseId", String.class)).containsExactlyInAnyOrder(
                SCENARIO.cutCase(SCENARIO.personB), SCENARIO.provisioningCase(SCENARIO.personC),
                SCENARIO.deprovisioningCase(SCENARIO.personB)));
        assertThat(cases.getList("cases.findAll { it.atRisk }.view.caseId", String.class))
                .containsExactly(SCENARIO.deprovisioningCase(SCENARIO.personB));
        assertThat(cases.getInt("total")).isEqualTo(3);
        assertThat(cases.getInt("limit")).isEqualTo(50);
        assertThat(cases.getString("next")).isNull();

        // And the same list two at a time: the first page says how many in all and where the next one is
        JsonPath first = given().auth().oauth2(ANALYST).queryParam("agency", SCENARIO.agency).queryParam("limit", 2)
                .when().get("/api/v1/sle/cases").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("total")).isEqualTo(3);
        assertThat(first.getList("cases")).hasSize(2);
        assertThat(first.getString("nextPage")).startsWith("/api/v1/sle/cases?").contains("limit=2")
                .contains("after=" + first.getString("next"));
        JsonPath second = given().auth().oauth2(ANALYST).when().get(first.getString("nextPage")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getInt("total")).isEqualTo(3);
        assertThat(second.getString("next")).isNull();
        List<String> paged = new java.util.ArrayList<>(first.getList("cases.view.caseId", String.class));
        paged.addAll(second.getList("cases.view.caseId", String.class));
        assertThat(paged).containsExactlyElementsOf(cases.getList("cases.view.caseId", String.class));

        given().auth().oauth2(ANALYST).when().get("/api/v1/sle/cases/" + SCENARIO.cutCase(SCENARIO.personB))
                .then().statusCode(200)
                .body("view.status", equalTo("MISSED"))
                .body("view.personId", equalTo(SCENARIO.personB))
                .body("auditTrail", equalTo("/api/v1/audit/people/" + SCENARIO.personB + "/evidence"));
        given().auth().oauth2(ANALYST).when().get("/api/v1/sle/cases/ACCESS_CUT_ON_END_DATE:" + SCENARIO.agency
                + ":nothing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void shouldRefuseBadFiltersWithAProblemNamingTheParameter() {
        given().auth().oauth2(ANALYST).queryParam("period", "YEAR").when().get("/api/v1/sle/compliance")
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("period")).body("detail", containsString("WEEK or MONTH"));
        given().auth().oauth2(ANALYST).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01").when()
                .get("/api/v1/sle/compliance").then().statusCode(400).body("parameter", equalTo("from"));
        given().auth().oauth2(ANALYST).queryParam("status", "LOST").when().get("/api/v1/sle/cases")
                .then().statusCode(400).body("parameter", equalTo("status"));
        given().auth().oauth2(ANALYST).queryParam("limit", 501).when().get("/api/v1/sle/cases")
                .then().statusCode(400).body("parameter", equalTo("limit"));
        given().auth().oauth2(ANALYST).queryParam("after", "no-cursor!").when().get("/api/v1/sle/cases")
                .then().statusCode(400).body("parameter", equalTo("after"));
        given().auth().oauth2(ANALYST).when().get("/api/v1/sle/cases/no-such-shape")
                .then().statusCode(400).body("parameter", equalTo("caseId"));
    }

    @Test
    @Order(4)
    void shouldAnswerAnalystsAndAuditorsOnly() {
        given().when().get("/api/v1/sle/compliance").then().statusCode(401);
        given().auth().oauth2(TestTokens.forged("mallory", "analyst")).when().get("/api/v1/sle/compliance")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.sign("helpdesk-1", "helpdesk", null)).when().get("/api/v1/sle/compliance")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.sign("helpdesk-1", "helpdesk", null)).when().get("/api/v1/sle/events")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.sign("auditor-ines", "auditor", null)).when().get("/api/v1/sle/compliance")
                .then().statusCode(200);
    }

    @Test
    @Order(5)
    void shouldPushTheChangeOfALateOutcomeAndShowItInTheNumbers() throws Exception {
        // Given a browser-like client following the event stream
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(events.toString()))
                        .header("Authorization", "Bearer " + ANALYST).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        received.add(line);
                        if (line.contains("connected")) {
                            connected.complete(null);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        connected.get(10, TimeUnit.SECONDS);

        // When the outcome of B's disable arrives, done on the end date
        long sent = System.nanoTime();
        SCENARIO.disableB();

        // Then the stream announces the case and the aggregate, and the API shows the cut-off met throughout
        Await.until(TOPOLOGY, () -> assertThat(received).anyMatch(e -> e.contains(SCENARIO.cutCase(SCENARIO.personB)))
                .anyMatch(e -> e.contains("ACCESS_CUT_ON_END_DATE:" + SCENARIO.agency + ":MONTH")));
        System.out.printf("dashboard: change announced %d ms after the outcome was published%n",
                (System.nanoTime() - sent) / 1_000_000);
        JsonPath report = compliance(SCENARIO.agency);
        assertThat(counts(report, "ACCESS_CUT_ON_END_DATE")).containsEntry("met", 2).containsEntry("missed", 0);
        assertThat(sle(report, "ACCESS_CUT_ON_END_DATE")).containsEntry("compliance", 1.0f)
                .containsEntry("meetsTarget", true);
        assertThat(cases(SCENARIO.agency).getList("cases.view.caseId", String.class))
                .containsExactly(SCENARIO.provisioningCase(SCENARIO.personC));
        stream.body().close();
    }

    private static JsonPath compliance(String agency) {
        return given().auth().oauth2(ANALYST).queryParam("agency", agency).when().get("/api/v1/sle/compliance")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath cases(String agency) {
        return given().auth().oauth2(ANALYST).queryParam("agency", agency).when().get("/api/v1/sle/cases")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> sle(JsonPath report, String sle) {
        return report.getMap("sles.find { it.sle == '" + sle + "' }");
    }

    private static Map<String, Object> counts(JsonPath report, String sle) {
        return report.getMap("sles.find { it.sle == '" + sle + "' }.counts");
    }
}
