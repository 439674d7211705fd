package dev.tenure.equipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.equipment.support.EquipmentTestResource;
import dev.tenure.equipment.support.EventLog;
import dev.tenure.equipment.support.HrEvents;
import dev.tenure.equipment.support.Tokens;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The equipment state survives a {@code kill -9} of the real, packaged service: restarted on its own state folder, or
 * started fresh on an empty one (a new instance, a new machine), it answers the same per-person view, rebuilt from
 * its changelog topics. Plain JUnit: the service runs as its own process on the shared broker and registry, under
 * an application id of its own.
 */
class RestartIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String applicationId = "equipment-restart-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path stateRoot = PackagedService.moduleDir().resolve("target/restart-it").resolve(applicationId);
    private PackagedService service;
    private String person;
    private JsonNode viewBeforeTheKill;

    @BeforeAll
    static void createTheCatalogueTopics() {
        EquipmentTestResource.createCatalogueTopics(TenurePeers.shared());
    }

    @BeforeEach
    void aPersonWhoseEquipmentWentThroughSeveralSteps() throws Exception {
        // Given the packaged service has applied a joiner, deskside steps and an immediate termination
        service = start("restart-it-first", stateRoot.resolve("first"));
        person = HrEvents.newPersonId();
        LocalDate today = LocalDate.now(ZoneId.of(HrEvents.ZONE));
        EventLog.publish(HrEvents.joiner(person, today.plusDays(20)));
        JsonNode view = awaitView(v -> v.path("items").size() == 5);
        String laptop = itemOf(view, "laptop-standard");
        record(Map.of("personId", person, "itemId", laptop, "step", "PREPARED", "assetTag", "MA-" + person,
                "serialNumber", "SN-" + person));
        record(Map.of("assetTag", "MA-" + person, "step", "SHIPPED", "note", "courier 42"));
        record(Map.of("assetTag", "MA-" + person, "step", "DELIVERED"));
        EventLog.publish(HrEvents.leaver(person, today, true));
        viewBeforeTheKill = awaitView(v -> "COLLECTION_REQUESTED".equals(item(v, laptop).path("state").asText()));
        awaitCommitted(viewBeforeTheKill);

        // When it is killed (SIGKILL: no shutdown hook, no flush, no clean close of the stores)
        service.kill();
        assertThat(service.isAlive()).isFalse();
    }

    @AfterEach
    void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldAnswerTheSamePerPersonViewAfterARestartOnItsOwnState() {
        // When it starts again on the same state folder
        service = start("restart-it-again", stateRoot.resolve("first"));

        // Then it answers exactly the view it gave before the kill
        assertThat(view()).isEqualTo(viewBeforeTheKill);
    }

    @Test
    void shouldRebuildTheSamePerPersonViewOnAFreshInstanceFromTheLog() {
        // When a fresh instance starts with an empty state folder
        service = start("restart-it-fresh", stateRoot.resolve("fresh"));

        // Then it has rebuilt the state from the changelogs and answers the same view
        assertThat(view()).isEqualTo(viewBeforeTheKill);

        // And the state is live: the next deskside step is checked against it and recorded
        record(Map.of("assetTag", "MA-" + person, "step", "COLLECTED"));
        assertThat(view().path("items").findValuesAsText("state")).contains("COLLECTED");
    }

    private PackagedService start(String name, Path stateDir) {
        TenurePeers peers = TenurePeers.shared();
        Map<String, String> env = PackagedService.environment(peers.bootstrapServers(), peers.registryUrl());
        env.put("TENURE_EQUIPMENT_APPLICATION_ID", applicationId);
        env.put("TENURE_EQUIPMENT_STATE_DIR", stateDir.toAbsolutePath().toString());
        return PackagedService.start(name, env).awaitReady(READY);
    }

    private RequestSpecification api() {
        return given().baseUri(service.baseUri().toString()).auth().oauth2(Tokens.deskside());
    }

    private void record(Map<String, String> step) {
        api().contentType(ContentType.JSON).body(step).when().post("/api/v1/equipment/steps")
                .then().statusCode(200);
    }

    private JsonNode view() {
        String body = api().when().get("/api/v1/equipment/people/" + person).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private JsonNode awaitView(Predicate<JsonNode> until) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int status = api().when().get("/api/v1/equipment/people/" + person).statusCode();
            if (status == 200) {
                JsonNode view = view();
                if (until.test(view)) {
                    return view;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the view of " + person + " did not get there in " + WAIT.toSeconds() + " s");
    }

    /**
     * Waits until the person's record on the people store's changelog, as a read_committed reader sees it, holds every
     * step of the view: the view is then committed, not just in the store of a transaction a kill would abort.
     */
    private void awaitCommitted(JsonNode view) throws Exception {
        int steps = view.path("items").findValues("history").stream().mapToInt(JsonNode::size).sum();
        String changelog = applicationId + "-equipment-people-changelog";
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(changelog).stream()
                    .map(p -> new TopicPartition(changelog, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int committedSteps = -1;
            while (committedSteps != steps) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the changelog holds " + committedSteps + " of " + steps + " steps");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (person.equals(record.key()) && record.value() != null) {
                        committedSteps = JSON.readTree(record.value()).path("items").findValues("history").stream()
                                .mapToInt(JsonNode::size).sum();
                    }
                }
            }
        }
        // and the events went out with the same transactions
        EventLog.awaitAbout(person, events -> events.size() >= steps, WAIT);
    }

    private static String itemOf(JsonNode view, String catalogueItem) {
        for (JsonNode item : view.path("items")) {
            if (catalogueItem.equals(item.path("catalogueItem").asText())) {
                return item.path("itemId").asText();
            }
        }
        throw new AssertionError("no " + catalogueItem + " in " + view);
    }

    private static JsonNode item(JsonNode view, String itemId) {
        for (JsonNode item : view.path("items")) {
            if (itemId.equals(item.path("itemId").asText())) {
                return item;
            }
        }
        return JSON.createObjectNode();
    }
}
