package dev.tenure.equipment;

import static dev.tenure.equipment.EquipmentLifecycleIT.itemId;
import static dev.tenure.equipment.EquipmentLifecycleIT.personView;
import static dev.tenure.equipment.EquipmentLifecycleIT.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.tenure.equipment.support.EquipmentTestResource;
import dev.tenure.equipment.support.EventLog;
import dev.tenure.equipment.support.HrEvents;
import dev.tenure.equipment.support.Readiness;
import dev.tenure.equipment.support.TestClock;
import dev.tenure.equipment.support.Tokens;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deskside API against the real broker: refusals are problem+json with the reason and publish nothing; roles
 * decide who may read and who may record; bulk updates are all or nothing; the queue is by site.
 */
@QuarkusTest
@QuarkusTestResource(value = EquipmentTestResource.class, restrictToAnnotatedClass = true)
class DesksideApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    private String person;
    private String laptop;
    private String assetTag;

    @BeforeEach
    void aJoinerWithRequestedItems() throws InterruptedException {
        TestClock.CLOCK.set(Instant.now());
        Readiness.awaitReady();
        person = HrEvents.newPersonId();
        assetTag = "MA-" + person;
        LocalDate start = TestClock.CLOCK.instant().atZone(ZoneId.of(HrEvents.ZONE)).toLocalDate().plusDays(30);
        EventLog.publish(HrEvents.joiner(person, start));
        EventLog.awaitAbout(person, events -> events.size() >= 5, WAIT);
        laptop = itemId(person, "laptop-standard");
    }

    @Test
    void shouldRefuseWipingBeforeCollectionWithTheReasonAndPublishNothing() {
        // Given the laptop was delivered
        deliverLaptop();

        // When deskside records it wiped
        step(Tokens.deskside(), Map.of("assetTag", assetTag, "step", "WIPED"))
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://tenure.dev/problems/invalid-transition"))
                .body("status", equalTo(409))
                .body("detail", containsString("it is DELIVERED; an item is wiped after it is collected"));

        // Then nothing was published for it: the next step follows DELIVERED directly
        step(Tokens.deskside(), Map.of("assetTag", assetTag, "step", "COLLECTED")).then().statusCode(200);
        assertThat(laptopChangesUpTo(EquipmentChange.COLLECTED)).containsExactly(EquipmentChange.REQUESTED, EquipmentChange.ASSIGNED,
                EquipmentChange.PREPARED, EquipmentChange.DELIVERED, EquipmentChange.COLLECTED);
    }

    @Test
    void shouldRefuseCollectingAnItemNeverAssigned() {
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "step", "COLLECTED"))
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("it is REQUESTED; only an item that was shipped or delivered"));

        assertThat(EventLog.about(person)).hasSize(5);
    }

    @Test
    void shouldAnswer404ForAnUnknownAssetItemOrPerson() {
        step(Tokens.deskside(), Map.of("assetTag", "MA-NOT-" + UUID.randomUUID(), "step", "COLLECTED"))
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://tenure.dev/problems/unknown-asset"))
                .body("detail", startsWith("no item in use carries asset tag MA-NOT-"));
        step(Tokens.deskside(), Map.of("personId", person, "itemId", "no-such-item", "step", "SHIPPED"))
                .then().statusCode(404).body("type", equalTo("https://tenure.dev/problems/unknown-item"));
        step(Tokens.deskside(), Map.of("personId", "P-NOBODY-" + UUID.randomUUID(), "itemId", laptop,
                "step", "SHIPPED"))
                .then().statusCode(404).body("type", equalTo("https://tenure.dev/problems/unknown-person"));
        given().auth().oauth2(Tokens.deskside()).when().get("/api/v1/equipment/people/P-NOBODY")
                .then().statusCode(404).contentType(PROBLEM);

        assertThat(EventLog.about(person)).hasSize(5);
    }

    @Test
    void shouldRefuseAStepNamingAnotherAssetOrAnAssetInUse() {
        deliverLaptop();
        String monitor = itemId(person, "monitor");

        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "assetTag", "MA-OTHER",
                "step", "COLLECTED"))
                .then().statusCode(409).body("type", equalTo("https://tenure.dev/problems/asset-mismatch"))
                .body("detail", containsString("is asset " + assetTag + ", not MA-OTHER"));
        step(Tokens.deskside(), Map.of("personId", person, "itemId", monitor, "assetTag", assetTag,
                "serialNumber", "SN-X", "step", "ASSIGNED"))
                .then().statusCode(409).body("type", equalTo("https://tenure.dev/problems/asset-in-use"));

        assertThat(laptopChangesUpTo(EquipmentChange.DELIVERED)).endsWith(EquipmentChange.DELIVERED);
    }

    @Test
    void shouldAnswer422ForAnIncompleteStepOrOneTheServiceSetsItself() {
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "assetTag", "MA-1", "step", "ASSIGNED"))
                .then().statusCode(422).body("type", equalTo("https://tenure.dev/problems/missing-detail"))
                .body("detail", containsString("needs its assetTag and serialNumber"));
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "step", "LOCKED"))
                .then().statusCode(422).body("type", equalTo("https://tenure.dev/problems/not-a-deskside-step"));
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "step", "TELEPORTED"))
                .then().statusCode(422).body("detail", startsWith("step: 'TELEPORTED' is not one of"));
        step(Tokens.deskside(), Map.of("itemId", laptop, "step", "SHIPPED"))
                .then().statusCode(422).body("detail", equalTo("personId: required with itemId"));
        given().auth().oauth2(Tokens.deskside()).contentType(ContentType.JSON).body("{\"step\": ")
                .when().post("/api/v1/equipment/steps")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://tenure.dev/problems/malformed-json"));

        assertThat(EventLog.about(person)).hasSize(5);
    }

    @Test
    void shouldLetDesksideRecordAndAuditorsOnlyRead() {
        given().contentType(ContentType.JSON).body(Map.of("assetTag", "x", "step", "SHIPPED"))
                .when().post("/api/v1/equipment/steps").then().statusCode(401);
        given().when().get("/api/v1/equipment/people/" + person).then().statusCode(401);
        given().auth().oauth2(Tokens.forged()).when().get("/api/v1/equipment/people/" + person)
                .then().statusCode(401);
        given().auth().oauth2(Tokens.expired()).when().get("/api/v1/equipment/people/" + person)
                .then().statusCode(401);
        step(Tokens.auditor(), Map.of("personId", person, "itemId", laptop, "step", "PREPARED",
                "assetTag", assetTag, "serialNumber", "SN-1"))
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", equalTo("recording a step needs the deskside role; an auditor reads only"));
        given().auth().oauth2(Tokens.hris()).when().get("/api/v1/equipment/people/" + person)
                .then().statusCode(403).contentType(PROBLEM);

        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/equipment/people/" + person)
                .then().statusCode(200).body("personId", equalTo(person));
        given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/equipment/queue")
                .then().statusCode(200);
        assertThat(EventLog.about(person)).hasSize(5);
    }

    @Test
    void shouldRecordABulkUpdateStepByStep() {
        // Given steps that only make sense in order: assign, prepare, ship, deliver (the later ones by asset tag)
        List<Map<String, String>> steps = List.of(
                Map.of("personId", person, "itemId", laptop, "step", "ASSIGNED", "assetTag", assetTag,
                        "serialNumber", "SN-" + person),
                Map.of("assetTag", assetTag, "step", "PREPARED"),
                Map.of("assetTag", assetTag, "step", "SHIPPED"),
                Map.of("assetTag", assetTag, "step", "DELIVERED"));

        // When they are sent in one request
        JsonPath answer = given().auth().oauth2(Tokens.deskside("deskside-dee")).contentType(ContentType.JSON)
                .body(Map.of("steps", steps)).when().post("/api/v1/equipment/steps/bulk")
                .then().statusCode(200).extract().jsonPath();

        // Then every one is recorded, in order
        assertThat(answer.getInt("recorded")).isEqualTo(4);
        assertThat(answer.getList("steps.status")).containsOnly("recorded");
        assertThat(laptopChangesUpTo(EquipmentChange.DELIVERED)).containsExactly(EquipmentChange.REQUESTED, EquipmentChange.ASSIGNED,
                EquipmentChange.PREPARED, EquipmentChange.SHIPPED, EquipmentChange.DELIVERED);
    }

    @Test
    void shouldRecordNoneOfABulkUpdateWithABadStep() {
        String badge = itemId(person, "badge");
        List<Map<String, String>> steps = List.of(
                Map.of("personId", person, "itemId", badge, "step", "PREPARED", "assetTag", "B-" + person,
                        "serialNumber", "C-" + person),
                Map.of("personId", person, "itemId", laptop, "step", "WIPED"),
                Map.of("personId", person, "itemId", badge, "step", "DELIVERED"),
                Map.of("assetTag", "MA-NOWHERE-" + person, "step", "COLLECTED"));

        given().auth().oauth2(Tokens.deskside()).contentType(ContentType.JSON).body(Map.of("steps", steps))
                .when().post("/api/v1/equipment/steps/bulk")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://tenure.dev/problems/bulk-refused"))
                .body("errors.field", equalTo(List.of("steps[1]", "steps[3]")))
                .body("errors.type", equalTo(List.of("invalid-transition", "unknown-asset")));

        assertThat(EventLog.about(person)).hasSize(5);
        assertThat(personView(person).getList("items.state")).containsOnly("REQUESTED");
    }

    @Test
    void shouldRaiseAnAlertWhenADeviceIsStolen() {
        deliverLaptop();

        step(Tokens.deskside(), Map.of("assetTag", assetTag, "step", "STOLEN", "note", "reported by the person"))
                .then().statusCode(200).body("events.change", equalTo(List.of("STOLEN", "ALERT_RAISED")));

        List<EquipmentEvent> events = EventLog.awaitAbout(person,
                all -> all.stream().anyMatch(e -> e.getChange() == EquipmentChange.ALERT_RAISED), WAIT);
        assertThat(events.get(events.size() - 1).getReason()).contains(assetTag).contains("reported stolen");
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "step", "COLLECTED"))
                .then().statusCode(409).body("detail", containsString("STOLEN is final"));
    }

    @Test
    void shouldListTheDueWorkOfOneSite() {
        // Given a joiner at a site of their own
        String site = "Deskside IT site " + UUID.randomUUID();
        String other = HrEvents.newPersonId();
        LocalDate start = TestClock.CLOCK.instant().atZone(ZoneId.of(HrEvents.ZONE)).toLocalDate().plusDays(20);
        EventLog.publish(HrEvents.joinerAt(other, start, site));
        EventLog.awaitAbout(other, events -> events.size() >= 5, WAIT);

        // When that site's queue is asked for
        JsonPath queue = given().auth().oauth2(Tokens.deskside()).queryParam("site", site)
                .when().get("/api/v1/equipment/queue").then().statusCode(200).extract().jsonPath();

        // Then it holds exactly that person's five requests, soonest due first
        assertThat(queue.getInt("size")).isEqualTo(5);
        assertThat(queue.getList("tasks.personId")).containsOnly(other);
        assertThat(queue.getList("tasks.nextStep")).containsOnly("assign an asset");
        List<String> due = queue.getList("tasks.dueAt");
        assertThat(due).isSorted();
        assertThat(given().auth().oauth2(Tokens.deskside()).when().get("/api/v1/equipment/sites").then()
                .statusCode(200).extract().jsonPath().getList("site")).contains(site);
    }

    @Test
    void shouldServeTheDesksidePageWithoutAToken() {
        given().when().get("/deskside/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Deskside"));
    }

    private void deliverLaptop() {
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "step", "PREPARED",
                "assetTag", assetTag, "serialNumber", "SN-" + person)).then().statusCode(200);
        step(Tokens.deskside(), Map.of("assetTag", assetTag, "step", "DELIVERED")).then().statusCode(200);
    }

    /** The laptop's changes on equipment-events, once {@code last} is among them (steps commit shortly after 200). */
    private List<EquipmentChange> laptopChangesUpTo(EquipmentChange last) {
        return EventLog.awaitAbout(person, events -> events.stream()
                        .anyMatch(e -> laptop.equals(e.getItemId()) && e.getChange() == last), WAIT).stream()
                .filter(e -> laptop.equals(e.getItemId())).map(EquipmentEvent::getChange).toList();
    }
}
