package dev.tenure.hr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.tenure.hr.support.HrTopic;
import dev.tenure.hr.support.IntakeTestResource;
import dev.tenure.hr.support.Readiness;
import dev.tenure.hr.support.SampleEvents;
import dev.tenure.hr.support.Tokens;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.SubmitterKind;
import dev.tenure.schemas.hr.VpnAccessRequested;
import dev.tenure.schemas.hr.VpnAction;
import dev.tenure.peers.DebianPackages;
import dev.tenure.testkit.TenurePeers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = IntakeTestResource.class, restrictToAnnotatedClass = true)
class IntakeIT {

    private static final String EVENTS = "/api/v1/lifecycle-events";

    @BeforeEach
    void serviceIsReady() throws InterruptedException {
        Readiness.awaitReady();
    }

    @Test
    void shouldPublishACoordinatorsJoinerForTheirOwnAgency() throws Exception {
        // Given a DPC of DOR and a joiner for DOR
        String personId = SampleEvents.newPersonId();
        Map<String, Object> joiner = SampleEvents.joiner("DOR", personId);

        // When the coordinator submits it
        submit(Tokens.coordinator("DOR"), joiner)
                .then().statusCode(202)
                .body("eventId", equalTo(joiner.get("eventId")))
                .body("noticeDays", notNullValue())
                .body("late", equalTo(false));

        // Then the record is on the topic, keyed by person id, as the generated Avro class
        List<HrLifecycleEvent> onTopic = HrTopic.about(personId);
        assertThat(onTopic).hasSize(1);
        HrLifecycleEvent event = onTopic.get(0);
        assertThat(event.getEventId()).isEqualTo(joiner.get("eventId"));
        assertThat(event.getAgency()).isEqualTo("DOR");
        assertThat(event.getSubmittedBy().getKind()).isEqualTo(SubmitterKind.COORDINATOR);
        assertThat(event.getSubmittedBy().getAgency()).isEqualTo("DOR");
        assertThat(event.getPayload()).isInstanceOf(EmployeeJoined.class);
        assertThat(((EmployeeJoined) event.getPayload()).getFamilyName()).isEqualTo("O'Brien");
        assertThat(event.getNoticeDays()).isBetween(29, 30);

        // And an independent client (kcat) finds it on the broker too
        String raw = kcatKeys();
        assertThat(raw).contains(personId);
    }

    @Test
    void shouldRefuseACoordinatorOutsideTheirAgencyAndPublishNothing() {
        String personId = SampleEvents.newPersonId();
        long before = HrTopic.endOffsets();

        submit(Tokens.coordinator("DOR"), SampleEvents.joiner("EOTSS", personId))
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("a coordinator may submit events only for their own agency"));

        assertThat(HrTopic.endOffsets()).isEqualTo(before);
        assertThat(HrTopic.about(personId)).isEmpty();
    }

    @Test
    void shouldAnswerAResubmissionWithTheOriginalReceiptAndAReusedIdWith409() {
        String personId = SampleEvents.newPersonId();
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", personId);
        String first = submit(Tokens.hris(), joiner).then().statusCode(202).extract().asString();

        String again = submit(Tokens.hris(), joiner).then().statusCode(202).extract().asString();
        assertThat(again).isEqualTo(first);

        joiner.put("jobTitle", "Senior Finance Analyst");
        submit(Tokens.hris(), joiner).then().statusCode(409).body("type", equalTo("https://tenure.dev/problems/event-id-reused"));

        assertThat(HrTopic.about(personId)).hasSize(1);
        given().auth().oauth2(Tokens.auditor()).get(EVENTS + "/" + joiner.get("eventId"))
                .then().statusCode(200).body("personId", equalTo(personId)).body("type", equalTo("JOINER"));
    }

    @Test
    void shouldMarkASubmissionWithLessThanTheNoticeAsLateButAcceptIt() {
        String personId = SampleEvents.newPersonId();
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", personId);
        joiner.put("effectiveDate", java.time.LocalDate.now().plusDays(5).toString());

        submit(Tokens.hris(), joiner).then().statusCode(202).body("late", equalTo(true));

        assertThat(HrTopic.about(personId)).singleElement()
                .satisfies(e -> assertThat(e.getLateSubmission()).isTrue());
    }

    @Test
    void shouldRefuseCallersWithoutAValidToken() {
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", SampleEvents.newPersonId());
        given().contentType(ContentType.JSON).body(joiner).post(EVENTS).then().statusCode(401);
        submit(Tokens.forged(), joiner).then().statusCode(401);
        submit(Tokens.expired(), joiner).then().statusCode(401);
        submit(Tokens.auditor(), joiner).then().statusCode(403);
        submit(Tokens.dso("EOTSS"), joiner).then().statusCode(403);
        assertThat(HrTopic.about((String) joiner.get("personId"))).isEmpty();
    }

    @Test
    void shouldPublishASecurityOfficersVpnGrantForAKnownPersonOfTheirAgency() {
        // Given a person of EOTSS whose joiner the intake accepted
        String personId = SampleEvents.newPersonId();
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", personId);
        submit(Tokens.hris(), joiner).then().statusCode(202);
        LocalDate start = LocalDate.parse((String) joiner.get("effectiveDate"));
        Map<String, Object> grant = SampleEvents.vpnRequest("EOTSS", personId, start, "GRANT");

        // When the DSO of EOTSS asks for the person's VPN access from the start date
        submit(Tokens.dso("EOTSS"), grant)
                .then().statusCode(202)
                .body("eventId", equalTo(grant.get("eventId")))
                .body("type", equalTo("VPN_ACCESS"))
                .body("late", equalTo(false));

        // Then the request follows the joiner on the topic, as the VpnAccessRequested payload, marked as the DSO's
        List<HrLifecycleEvent> onTopic = HrTopic.about(personId);
        assertThat(onTopic).hasSize(2);
        HrLifecycleEvent event = onTopic.get(1);
        assertThat(event.getEventId()).isEqualTo(grant.get("eventId"));
        assertThat(event.getAgency()).isEqualTo("EOTSS");
        assertThat(event.getEffectiveDate()).isEqualTo(start);
        assertThat(event.getSubmittedBy().getKind()).isEqualTo(SubmitterKind.SECURITY_OFFICER);
        assertThat(event.getSubmittedBy().getPrincipal()).isEqualTo("dso-eotss");
        assertThat(event.getSubmittedBy().getAgency()).isEqualTo("EOTSS");
        assertThat(event.getPayload()).isInstanceOfSatisfying(VpnAccessRequested.class, vpn -> {
            assertThat(vpn.getAction()).isEqualTo(VpnAction.GRANT);
            assertThat(vpn.getReason()).isEqualTo("Remote access for field work");
        });
        assertThat(event.getLateSubmission()).isFalse();

        // And the officer can read the receipt; resending it is a replay
        given().auth().oauth2(Tokens.dso("EOTSS")).get(EVENTS + "/" + grant.get("eventId"))
                .then().statusCode(200).body("type", equalTo("VPN_ACCESS")).body("submittedBy", equalTo("dso-eotss"));
        submit(Tokens.dso("EOTSS"), grant).then().statusCode(202);
        assertThat(HrTopic.about(personId)).hasSize(2);
    }

    @Test
    void shouldRefuseVpnRequestsFromAnotherAgencysOfficerAndFromCoordinatorsAndPublishNothing() {
        // Given a person of EOTSS whose joiner the intake accepted
        String personId = SampleEvents.newPersonId();
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", personId);
        submit(Tokens.hris(), joiner).then().statusCode(202);
        LocalDate start = LocalDate.parse((String) joiner.get("effectiveDate"));
        long before = HrTopic.endOffsets();

        // When the DSO of DOR asks for it, for EOTSS or claiming the person for DOR
        submit(Tokens.dso("DOR"), SampleEvents.vpnRequest("EOTSS", personId, start, "GRANT"))
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("a security officer may submit VPN requests only for their own agency"));
        submit(Tokens.dso("DOR"), SampleEvents.vpnRequest("DOR", personId, start, "GRANT"))
                .then().statusCode(422)
                .body("errors.field", hasItem("agency"));
        // ...or EOTSS's own coordinator does
        submit(Tokens.coordinator("EOTSS"), SampleEvents.vpnRequest("EOTSS", personId, start, "GRANT"))
                .then().statusCode(403)
                .body("detail", equalTo("VPN requests come from the agency's DSO"));

        // Then nothing more is on the topic
        assertThat(HrTopic.endOffsets()).isEqualTo(before);
        assertThat(HrTopic.about(personId)).hasSize(1);
    }

    @Test
    void shouldRefuseASecurityOfficersJoinerNamingNoPerson() {
        String personId = SampleEvents.newPersonId();
        long before = HrTopic.endOffsets();

        String answer = submit(Tokens.dso("EOTSS"), SampleEvents.joiner("EOTSS", personId))
                .then().statusCode(403)
                .body("detail", equalTo("a security officer may submit only VPN_ACCESS requests"))
                .extract().asString();

        assertThat(answer).doesNotContain(personId, "O'Brien");
        assertThat(HrTopic.endOffsets()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAVpnRequestForAPersonTheIntakeDoesNotKnowOrWithoutAnAction() {
        String stranger = SampleEvents.newPersonId();
        long before = HrTopic.endOffsets();

        submit(Tokens.dso("EOTSS"), SampleEvents.vpnRequest("EOTSS", stranger, LocalDate.now(), "GRANT"))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("personId")))
                .body("errors.reason", hasItem(org.hamcrest.Matchers.containsString("accepted JOINER or REHIRE")));
        Map<String, Object> noAction = SampleEvents.vpnRequest("EOTSS", stranger, LocalDate.now(), "GRANT");
        noAction.remove("vpnAction");
        submit(Tokens.dso("EOTSS"), noAction)
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("vpnAction")));

        assertThat(HrTopic.endOffsets()).isEqualTo(before);
    }

    @Test
    void shouldImportAJoinerAndTheirVpnGrantInOneFile() {
        String personId = SampleEvents.newPersonId();
        String csv = "eventId,type,personId,agency,effectiveDate,timeZone,givenName,familyName,department,jobCode,"
                + "jobTitle,location,employmentType,contactName,contactEmail,vpnAction,reason\n"
                + java.util.UUID.randomUUID() + ",JOINER," + personId + ",DCR,2030-03-04,America/New_York,Ana,Silva,"
                + "Parks,PR-1,Ranger,Boston,EMPLOYEE,Carol Lead,carol@example.gov,,\n"
                + java.util.UUID.randomUUID() + ",VPN_ACCESS," + personId + ",DCR,2030-03-04,America/New_York,,,,,,,,,,"
                + "GRANT,\"Remote access, field office\"\n";

        given().auth().oauth2(Tokens.hris()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(EVENTS + "/imports")
                .then().statusCode(202).body("published", equalTo(2));

        List<HrLifecycleEvent> onTopic = HrTopic.about(personId);
        assertThat(onTopic).hasSize(2);
        assertThat(onTopic.get(1).getPayload()).isEqualTo(VpnAccessRequested.newBuilder()
                .setAction(VpnAction.GRANT).setReason("Remote access, field office").build());
    }

    @Test
    void shouldLetACoordinatorReadOnlyTheirOwnAgencysEvents() {
        Map<String, Object> joiner = SampleEvents.joiner("EOHHS", SampleEvents.newPersonId());
        submit(Tokens.hris(), joiner).then().statusCode(202);

        given().auth().oauth2(Tokens.coordinator("EOHHS")).get(EVENTS + "/" + joiner.get("eventId")).then().statusCode(200);
        given().auth().oauth2(Tokens.coordinator("DOR")).get(EVENTS + "/" + joiner.get("eventId")).then().statusCode(403);
        given().auth().oauth2(Tokens.hris()).get(EVENTS + "/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldImportAGoodCsvFileInOneTransaction() {
        String alice = SampleEvents.newPersonId();
        String bob = SampleEvents.newPersonId();
        String csv = "eventId,type,personId,agency,effectiveDate,timeZone,givenName,familyName,department,jobCode,"
                + "jobTitle,location,employmentType,contactName,contactEmail,leaveReason\n"
                + java.util.UUID.randomUUID() + ",JOINER," + alice + ",DCR,2030-03-02,America/New_York,Alice,\"Smith, Jr\","
                + "Parks,PR-1,Ranger,Boston,EMPLOYEE,Carol Lead,carol@example.gov,\n"
                + java.util.UUID.randomUUID() + ",JOINER," + bob + ",DCR,2030-03-02,America/Chicago,Bob,Jones,"
                + "Parks,PR-1,Ranger,Springfield,CONTRACTOR,Carol Lead,carol@example.gov,\n"
                + java.util.UUID.randomUUID() + ",LEAVER," + bob + ",DCR,2030-06-30,America/Chicago,,,,,,,,,,RESIGNATION\n";

        given().auth().oauth2(Tokens.hris()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(EVENTS + "/imports")
                .then().statusCode(202)
                .body("rows", equalTo(3)).body("published", equalTo(3))
                .body("results.status", hasItem("ACCEPTED"));

        assertThat(HrTopic.about(alice)).hasSize(1);
        assertThat(HrTopic.about(bob)).hasSize(2);
        assertThat(((EmployeeJoined) HrTopic.about(alice).get(0).getPayload()).getFamilyName()).isEqualTo("Smith, Jr");
    }

    @Test
    void shouldRejectACsvFileWithABadRowListingEveryBadRowAndPublishNothing() {
        String alice = SampleEvents.newPersonId();
        long before = HrTopic.endOffsets();
        String csv = "eventId,type,personId,agency,effectiveDate,timeZone,leaveReason\n"
                + java.util.UUID.randomUUID() + ",LEAVER," + alice + ",DCR,2030-06-30,America/New_York,RESIGNATION\n"
                + java.util.UUID.randomUUID() + ",LEAVER," + alice + ",NOPE,2030-06-30,America/New_York,RESIGNATION\n"
                + "not-a-uuid,LEAVER," + alice + ",DCR,2030-02-30,America/New_York,=cmd()\n";

        given().auth().oauth2(Tokens.hris()).contentType("text/csv").body(csv)
                .post(EVENTS + "/imports")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.line", hasItem(3))
                .body("errors.line", hasItem(4))
                .body("errors.field", hasItem("agency"))
                .body("errors.field", hasItem("leaveReason"));

        assertThat(HrTopic.endOffsets()).isEqualTo(before);
        assertThat(HrTopic.about(alice)).isEmpty();
    }

    private static Response submit(String token, Map<String, Object> event) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(event).post(EVENTS);
    }

    private static String kcatKeys() throws Exception {
        String kcat = DebianPackages.require("kcat", "kcat").toString();
        Process process = new ProcessBuilder(kcat, "-b", TenurePeers.shared().bootstrapServers(), "-C",
                "-t", "hr-lifecycle-events", "-o", "beginning", "-e", "-q", "-f", "%k\\n")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
