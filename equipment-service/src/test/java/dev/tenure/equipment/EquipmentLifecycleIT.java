package dev.tenure.equipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.equipment.support.EquipmentTestResource;
import dev.tenure.equipment.support.EventLog;
import dev.tenure.equipment.support.HrEvents;
import dev.tenure.equipment.support.Readiness;
import dev.tenure.equipment.support.TestClock;
import dev.tenure.equipment.support.Tokens;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.hr.HrLifecycleEvent;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance, against the real broker and registry: lifecycle events go in on hr-lifecycle-events as the
 * intake writes them, deskside steps over HTTP, and what comes out is read from equipment-events as the audit service
 * would read it. The service's clock is the tests' ({@link TestClock}), so the cut-off comes when the test says.
 */
@QuarkusTest
@QuarkusTestResource(value = EquipmentTestResource.class, restrictToAnnotatedClass = true)
class EquipmentLifecycleIT {

    private static final ZoneId NEW_YORK = ZoneId.of(HrEvents.ZONE);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private LocalDate today;

    @BeforeEach
    void readyAndOnTime() throws InterruptedException {
        TestClock.CLOCK.set(Instant.now());
        today = TestClock.CLOCK.instant().atZone(NEW_YORK).toLocalDate();
        Readiness.awaitReady();
    }

    @Test
    void shouldRequestTheJoinersItemsWithDueDatesBeforeTheStartDate() {
        // Given an accountant joining in 30 days
        String person = HrEvents.newPersonId();
        LocalDate start = today.plusDays(30);
        HrLifecycleEvent joiner = HrEvents.joiner(person, start);

        // When the joiner is on hr-lifecycle-events
        EventLog.publish(joiner);

        // Then equipment-events says each granted item is requested, due before the start date, caused by the joiner
        List<EquipmentEvent> events = EventLog.awaitAbout(person, e -> e.size() >= 5, WAIT);
        assertThat(events).extracting(EquipmentEvent::getCatalogueItem)
                .containsExactly("badge", "laptop-standard", "monitor", "dock", "headset");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getChange()).isEqualTo(EquipmentChange.REQUESTED);
            assertThat(event.getState()).isEqualTo(EquipmentState.REQUESTED);
            assertThat(event.getDueAt()).isBefore(start.atStartOfDay(NEW_YORK).toInstant());
            assertThat(event.getCausationId()).isEqualTo(joiner.getEventId());
            assertThat(event.getPersonId()).isEqualTo(person);
        });

        // And the per-person view shows them with their next step
        JsonPath view = personView(person);
        assertThat(view.getList("items.state")).containsOnly("REQUESTED").hasSize(5);
        assertThat(view.getList("items.nextStep")).containsOnly("assign an asset");
    }

    @Test
    void shouldPublishShippedAndDeliveredWhenDesksideRecordsThem() {
        // Given a joiner's laptop, requested
        String person = HrEvents.newPersonId();
        EventLog.publish(HrEvents.joiner(person, today.plusDays(30)));
        EventLog.awaitAbout(person, e -> e.size() >= 5, WAIT);
        String laptop = itemId(person, "laptop-standard");

        // When deskside prepares it with its asset, ships it and records its delivery
        step(Tokens.deskside("deskside-bob"), Map.of("personId", person, "itemId", laptop, "step", "PREPARED",
                "assetTag", "MA-" + person, "serialNumber", "SN-" + person)).then().statusCode(200);
        step(Tokens.deskside("deskside-bob"), Map.of("assetTag", "MA-" + person, "step", "SHIPPED",
                "note", "UPS 1Z999AA10123456784")).then().statusCode(200);
        JsonPath delivered = step(Tokens.deskside("deskside-carl"), Map.of("assetTag", "MA-" + person,
                "step", "DELIVERED")).then().statusCode(200).extract().jsonPath();

        // Then each step is an event with who did it, the asset and the serial number
        assertThat(delivered.getString("status")).isEqualTo("recorded");
        assertThat(delivered.getString("item.state")).isEqualTo("DELIVERED");
        List<EquipmentEvent> laptopEvents = EventLog.awaitAbout(person, e -> e.size() >= 9, WAIT).stream()
                .filter(e -> laptop.equals(e.getItemId())).toList();
        assertThat(laptopEvents).extracting(EquipmentEvent::getChange).containsExactly(EquipmentChange.REQUESTED,
                EquipmentChange.ASSIGNED, EquipmentChange.PREPARED, EquipmentChange.SHIPPED, EquipmentChange.DELIVERED);
        EquipmentEvent shipped = laptopEvents.get(3);
        assertThat(shipped.getActor()).isEqualTo("deskside-bob");
        assertThat(shipped.getAssetTag()).isEqualTo("MA-" + person);
        assertThat(shipped.getSerialNumber()).isEqualTo("SN-" + person);
        assertThat(shipped.getReason()).isEqualTo("UPS 1Z999AA10123456784");
        assertThat(shipped.getDueAt()).isEqualTo(today.plusDays(29).atTime(17, 0).atZone(NEW_YORK).toInstant());
        assertThat(laptopEvents.get(4).getActor()).isEqualTo("deskside-carl");
        assertThat(laptopEvents.get(4).getPreviousState()).isEqualTo(EquipmentState.SHIPPED);
    }

    @Test
    void shouldLockAtTheCutOffAndAskForTheEquipmentBackWithinFourteenDays() {
        // Given a person whose laptop was delivered, leaving today
        String person = HrEvents.newPersonId();
        EventLog.publish(HrEvents.joiner(person, today.plusDays(10)));
        EventLog.awaitAbout(person, e -> e.size() >= 5, WAIT);
        String laptop = itemId(person, "laptop-standard");
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "step", "PREPARED",
                "assetTag", "MA-" + person, "serialNumber", "SN-" + person)).then().statusCode(200);
        step(Tokens.deskside(), Map.of("personId", person, "itemId", laptop, "step", "DELIVERED"))
                .then().statusCode(200);
        Instant cutOff = today.atTime(17, 0).atZone(NEW_YORK).toInstant();
        TestClock.CLOCK.set(cutOff.minus(Duration.ofHours(1)));
        HrLifecycleEvent leaver = HrEvents.leaver(person, today, false);
        EventLog.publish(leaver);
        List<EquipmentEvent> scheduled = EventLog.awaitAbout(person,
                e -> e.stream().anyMatch(x -> x.getChange() == EquipmentChange.LOCK_SCHEDULED), WAIT);
        assertThat(scheduled).filteredOn(e -> e.getChange() == EquipmentChange.LOCK_SCHEDULED)
                .singleElement().satisfies(e -> assertThat(e.getDueAt()).isEqualTo(cutOff));

        // When the clock reaches the cut-off (17:00 in the person's zone)
        TestClock.CLOCK.set(cutOff);

        // Then the laptop is locked and its collection requested, due 14 days after the end date, caused by the leaver
        List<EquipmentEvent> events = EventLog.awaitAbout(person, e -> e.stream()
                .anyMatch(x -> x.getChange() == EquipmentChange.COLLECTION_REQUESTED), WAIT);
        List<EquipmentEvent> afterCutOff = events.stream().filter(e -> laptop.equals(e.getItemId()))
                .filter(e -> e.getChange() == EquipmentChange.LOCKED
                        || e.getChange() == EquipmentChange.COLLECTION_REQUESTED).toList();
        Instant collectionDue = today.plusDays(14).atTime(17, 0).atZone(NEW_YORK).toInstant();
        assertThat(afterCutOff).extracting(EquipmentEvent::getChange)
                .containsExactly(EquipmentChange.LOCKED, EquipmentChange.COLLECTION_REQUESTED);
        assertThat(afterCutOff).allSatisfy(e -> {
            assertThat(e.getOccurredAt()).isEqualTo(cutOff);
            assertThat(e.getDueAt()).isEqualTo(collectionDue);
            assertThat(e.getCausationId()).isEqualTo(leaver.getEventId());
        });
        assertThat(Duration.between(cutOff, collectionDue)).isLessThanOrEqualTo(Duration.ofDays(14).plusHours(1));
        // the items never shipped are cancelled at the cut-off
        assertThat(events).filteredOn(e -> e.getChange() == EquipmentChange.CANCELLED).isNotEmpty();

        // And the person's view shows the leaver done and the laptop locked, due back by then
        JsonPath view = personView(person);
        assertThat(view.getBoolean("leaver.cutOffDone")).isTrue();
        Map<String, Object> laptopView = view.getMap("items.find { it.itemId == '" + laptop + "' }");
        assertThat(laptopView).containsEntry("state", "COLLECTION_REQUESTED").containsEntry("locked", true)
                .containsEntry("nextStep", "collect");
    }

    @Test
    void shouldCancelOpenRequestsWhenTheJoinerIsCancelled() {
        String person = HrEvents.newPersonId();
        LocalDate start = today.plusDays(30);
        EventLog.publish(HrEvents.joiner(person, start));
        EventLog.awaitAbout(person, e -> e.size() >= 5, WAIT);

        EventLog.publish(HrEvents.joinerCancelled(person, start));

        List<EquipmentEvent> cancelled = EventLog.awaitAbout(person, e -> e.size() >= 10, WAIT).subList(5, 10);
        assertThat(cancelled).allSatisfy(e -> {
            assertThat(e.getChange()).isEqualTo(EquipmentChange.CANCELLED);
            assertThat(e.getState()).isEqualTo(EquipmentState.CANCELLED);
            assertThat(e.getReason()).contains("joiner cancelled");
        });
        assertThat(personView(person).getList("items.nextStep")).containsOnlyNulls();
    }

    @Test
    void shouldMoveTheDueDatesWhenTheStartDateChanges() {
        String person = HrEvents.newPersonId();
        LocalDate start = today.plusDays(30);
        EventLog.publish(HrEvents.joiner(person, start));
        List<EquipmentEvent> requested = EventLog.awaitAbout(person, e -> e.size() >= 5, WAIT);

        EventLog.publish(HrEvents.startDateChanged(person, start, start.plusDays(7)));

        List<EquipmentEvent> moved = EventLog.awaitAbout(person, e -> e.size() >= 10, WAIT).subList(5, 10);
        for (int i = 0; i < 5; i++) {
            EquipmentEvent before = requested.get(i);
            EquipmentEvent after = moved.get(i);
            assertThat(after.getChange()).isEqualTo(EquipmentChange.DUE_DATE_MOVED);
            assertThat(after.getItemId()).isEqualTo(before.getItemId());
            assertThat(Duration.between(before.getDueAt(), after.getDueAt())).isEqualTo(Duration.ofDays(7));
            assertThat(after.getDueAt()).isBefore(start.plusDays(7).atStartOfDay(NEW_YORK).toInstant());
        }
    }

    static io.restassured.response.Response step(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/equipment/steps");
    }

    static JsonPath personView(String person) {
        return given().auth().oauth2(Tokens.auditor()).when().get("/api/v1/equipment/people/" + person)
                .then().statusCode(200).extract().jsonPath();
    }

    static String itemId(String person, String catalogueItem) {
        return personView(person).getString("items.find { it.catalogueItem == '" + catalogueItem + "' }.itemId");
    }
}
