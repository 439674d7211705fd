package dev.tenure.equipment.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.equipment.domain.EquipmentLifecycle;
import dev.tenure.equipment.domain.Item;
import dev.tenure.equipment.domain.PersonEquipment;
import dev.tenure.equipment.domain.Rejection;
import dev.tenure.equipment.domain.Samples;
import dev.tenure.equipment.support.HrEvents;
import dev.tenure.testkit.MovableClock;
import dev.tenure.testkit.PlainAvroSerde;
import dev.tenure.schemas.equipment.DesksideStepSubmitted;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology without a broker: explicit clock, explicit wall-clock time for the timers. */
class EquipmentTopologyTest {

    private static final ZoneId NEW_YORK = ZoneId.of(HrEvents.ZONE);
    private static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");
    private static final LocalDate START = LocalDate.parse("2027-03-15");

    private final MovableClock clock = new MovableClock(NOW);
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, HrLifecycleEvent> lifecycle;
    private TestInputTopic<String, DesksideStepSubmitted> steps;
    private TestOutputTopic<String, EquipmentEvent> events;

    @BeforeEach
    void startTheTopology() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        PlainAvroSerde<HrLifecycleEvent> hrSerde = new PlainAvroSerde<>(HrLifecycleEvent.class);
        PlainAvroSerde<DesksideStepSubmitted> stepSerde = new PlainAvroSerde<>(DesksideStepSubmitted.class);
        PlainAvroSerde<EquipmentEvent> eventSerde = new PlainAvroSerde<>(EquipmentEvent.class);
        EquipmentTopology.build(builder, new EquipmentTopology.Settings(new EquipmentLifecycle(Samples.CATALOGUE), clock,
                Duration.ofSeconds(1), hrSerde, stepSerde, eventSerde, outcomes::add));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "equipment-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(java.nio.file.Path.of("target", "topology-test-state", UUID.randomUUID().toString())).toString());
        driver = new TopologyTestDriver(builder.build(), props, NOW);
        lifecycle = driver.createInputTopic(Topics.HR_LIFECYCLE_EVENTS.name(), new StringSerializer(),
                hrSerde.serializer());
        steps = driver.createInputTopic(Topics.EQUIPMENT_DESKSIDE_STEPS.name(), new StringSerializer(),
                stepSerde.serializer());
        events = driver.createOutputTopic(Topics.EQUIPMENT_EVENTS.name(), new StringDeserializer(),
                eventSerde.deserializer());
    }

    @AfterEach
    void stopTheTopology() {
        driver.close();
    }

    @Test
    void shouldPublishARequestPerGrantedItemKeyedByPersonWhenAJoinerArrives() {
        // Given a joiner for 15 March
        String person = HrEvents.newPersonId();
        HrLifecycleEvent joiner = HrEvents.joiner(person, START);

        // When it arrives
        lifecycle.pipeInput(person, joiner);

        // Then one REQUESTED event per granted item, keyed by the person, caused by the joiner, due before the start
        var published = events.readKeyValuesToList();
        assertThat(published).hasSize(5).allSatisfy(record -> {
            assertThat(record.key).isEqualTo(person);
            assertThat(record.value.getChange()).isEqualTo(EquipmentChange.REQUESTED);
            assertThat(record.value.getState()).isEqualTo(EquipmentState.REQUESTED);
            assertThat(record.value.getCausationId()).isEqualTo(joiner.getEventId());
            assertThat(record.value.getCorrelationId()).isEqualTo(joiner.getCorrelationId());
            assertThat(record.value.getDueAt()).isBefore(START.atStartOfDay(NEW_YORK).toInstant());
            assertThat(record.value.getSite()).isEqualTo(HrEvents.SITE);
            assertThat(record.value.getSource()).isEqualTo("equipment-service");
        });
        assertThat(people().get(person).items()).hasSize(5);
    }

    @Test
    void shouldPublishNothingMoreWhenTheSameLifecycleEventIsRedelivered() {
        String person = HrEvents.newPersonId();
        HrLifecycleEvent joiner = HrEvents.joiner(person, START);
        lifecycle.pipeInput(person, joiner);
        events.readKeyValuesToList();

        lifecycle.pipeInput(person, joiner);

        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldLockAtTheCutOffOnceTheClockReachesIt() {
        // Given a person whose laptop was delivered, leaving on 30 June
        String person = HrEvents.newPersonId();
        lifecycle.pipeInput(person, HrEvents.joiner(person, START));
        Item laptop = item(person, "laptop-standard");
        step(person, laptop.itemId(), EquipmentState.PREPARED, "MA-1", "SN-1");
        step(person, laptop.itemId(), EquipmentState.DELIVERED, null, null);
        HrLifecycleEvent leaver = HrEvents.leaver(person, LocalDate.parse("2027-06-30"), false);
        lifecycle.pipeInput(person, leaver);
        events.readKeyValuesToList();

        // When wall-clock time passes while the clock is still before the cut-off: nothing
        clock.set(Samples.newYork("2027-06-30T16:59"));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(events.isEmpty()).isTrue();

        // When the clock reaches the cut-off
        clock.set(Samples.newYork("2027-06-30T17:00"));
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then the laptop is locked and asked back, due 14 days after the end date, caused by the leaver
        List<EquipmentEvent> laptopEvents = events.readValuesToList().stream()
                .filter(e -> e.getItemId().equals(laptop.itemId())).toList();
        assertThat(laptopEvents).extracting(EquipmentEvent::getChange)
                .containsExactly(EquipmentChange.LOCKED, EquipmentChange.COLLECTION_REQUESTED);
        assertThat(laptopEvents).allSatisfy(e -> {
            assertThat(e.getCausationId()).isEqualTo(leaver.getEventId());
            assertThat(e.getDueAt()).isEqualTo(Samples.newYork("2027-07-14T17:00"));
            assertThat(e.getOccurredAt()).isEqualTo(Samples.newYork("2027-06-30T17:00"));
        });

        // And only once
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldApplyADesksideStepAndTellTheWaitingRequest() {
        String person = HrEvents.newPersonId();
        lifecycle.pipeInput(person, HrEvents.joiner(person, START));
        events.readKeyValuesToList();
        Item laptop = item(person, "laptop-standard");

        String stepId = step(person, laptop.itemId(), EquipmentState.ASSIGNED, "MA-000123", "5CG1234XYZ");

        EquipmentEvent assigned = events.readValue();
        assertThat(assigned.getChange()).isEqualTo(EquipmentChange.ASSIGNED);
        assertThat(assigned.getAssetTag()).isEqualTo("MA-000123");
        assertThat(assigned.getActor()).isEqualTo("deskside-ann");
        assertThat(assigned.getCausationId()).isEqualTo(stepId);
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.stepId()).isEqualTo(stepId);
            assertThat(outcome.rejection()).isEmpty();
            assertThat(outcome.changes()).hasSize(1);
        });
    }

    @Test
    void shouldRefuseAnInvalidStepPublishNothingAndSayWhy() {
        String person = HrEvents.newPersonId();
        lifecycle.pipeInput(person, HrEvents.joiner(person, START));
        events.readKeyValuesToList();
        PersonEquipment before = people().get(person);

        step(person, item(person, "laptop-standard").itemId(), EquipmentState.WIPED, null, null);

        assertThat(events.isEmpty()).isTrue();
        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.rejection())
                .map(Rejection::kind).contains(Rejection.Kind.INVALID_TRANSITION));
        assertThat(people().get(person)).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnAssetAlreadyOnAnotherPersonsItem() {
        String first = HrEvents.newPersonId();
        String second = HrEvents.newPersonId();
        lifecycle.pipeInput(first, HrEvents.joiner(first, START));
        lifecycle.pipeInput(second, HrEvents.joiner(second, START));
        step(first, item(first, "laptop-standard").itemId(), EquipmentState.ASSIGNED, "MA-42", "SN-42");
        events.readKeyValuesToList();

        step(second, item(second, "laptop-standard").itemId(), EquipmentState.ASSIGNED, "ma-42", "SN-43");

        assertThat(events.isEmpty()).isTrue();
        assertThat(outcomes.get(1).rejection()).map(Rejection::kind).contains(Rejection.Kind.ASSET_IN_USE);
    }

    @Test
    void shouldTakeNoEquipmentActionOnAVpnRequest() {
        String person = HrEvents.newPersonId();
        lifecycle.pipeInput(person, HrEvents.joiner(person, START));
        events.readKeyValuesToList();

        lifecycle.pipeInput(person, HrEvents.vpnRequest(person, START));

        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldMoveDueDatesWhenTheStartDateChanges() {
        String person = HrEvents.newPersonId();
        lifecycle.pipeInput(person, HrEvents.joiner(person, START));
        events.readKeyValuesToList();

        lifecycle.pipeInput(person, HrEvents.startDateChanged(person, START, START.plusDays(14)));

        assertThat(events.readValuesToList()).hasSize(5).allSatisfy(e -> {
            assertThat(e.getChange()).isEqualTo(EquipmentChange.DUE_DATE_MOVED);
            assertThat(e.getDueAt()).isAfter(START.atStartOfDay(NEW_YORK).toInstant());
            assertThat(e.getDueAt()).isBefore(START.plusDays(14).atStartOfDay(NEW_YORK).toInstant());
        });
    }

    @Test
    void shouldCancelOpenRequestsWhenTheJoinerIsCancelled() {
        String person = HrEvents.newPersonId();
        lifecycle.pipeInput(person, HrEvents.joiner(person, START));
        events.readKeyValuesToList();

        lifecycle.pipeInput(person, HrEvents.joinerCancelled(person, START));

        assertThat(events.readValuesToList()).hasSize(5).allSatisfy(e -> {
            assertThat(e.getChange()).isEqualTo(EquipmentChange.CANCELLED);
            assertThat(e.getPreviousState()).isEqualTo(EquipmentState.REQUESTED);
        });
    }

    private String step(String person, String itemId, EquipmentState target, String assetTag, String serial) {
        String stepId = UUID.randomUUID().toString();
        steps.pipeInput(person, DesksideStepSubmitted.newBuilder().setEventId(stepId).setOccurredAt(clock.instant())
                .setCausationId(null).setCorrelationId(stepId).setSource("equipment-service").setPersonId(person)
                .setItemId(itemId).setStep(target).setAssetTag(assetTag).setSerialNumber(serial).setNote(null)
                .setActor("deskside-ann").build());
        return stepId;
    }

    private KeyValueStore<String, PersonEquipment> people() {
        return driver.getKeyValueStore(Stores.PEOPLE);
    }

    private Item item(String person, String catalogueItem) {
        return Samples.only(people().get(person), catalogueItem);
    }
}
