package dev.tenure.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tenure.access.support.AccessTestResource;
import dev.tenure.access.support.HrEvents;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessOperation;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The planner running in the service against the real broker and registry. */
@QuarkusTest
@QuarkusTestResource(AccessTestResource.class)
class PlannerIT {

    private static final Position ENGINEER = HrEvents.position("EOTSS", "Infrastructure Services", "IT-ENG-2",
            "Systems Engineer");

    @Test
    void shouldCommandAnImmediateTerminationRightAfterItsEventAndShowThePersonAsLeft() throws Exception {
        // Given an employee who started last year, then is terminated immediately
        String person = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        HrLifecycleEvent leaver = HrEvents.leaver(person, "EOTSS", LocalDate.now(), true, now);
        publish(HrEvents.joiner(person, "Ada", "Lovelace", ENGINEER, LocalDate.now().minusYears(1), now), leaver);

        // When access-service has planned them
        List<AccessCommand> commands = commandsFor(person, c -> c.getOperation() == AccessOperation.SET_ACCOUNT_ENABLED
                && Boolean.FALSE.equals(c.getEnabled()));

        // Then the account was made, enabled, and then disabled because of the leaver event, groups removed after
        assertThat(commands.get(0).getOperation()).isEqualTo(AccessOperation.ENSURE_ACCOUNT);
        AccessCommand disable = commands.get(commands.size() - 1);
        assertThat(disable.getCausationId()).isEqualTo(leaver.getEventId());
        assertThat(commands).extracting(AccessCommand::getOperation).contains(AccessOperation.ENSURE_MEMBERSHIP);

        // And the help desk sees the person as left, with the deletion planned after the retention window
        given().auth().oauth2(TestTokens.sign("helpdesk-1", "helpdesk", null))
                .get("/api/v1/people/{id}/access", person)
                .then().statusCode(200).body("phase", equalTo("LEFT")).body("planned[0].what", equalTo("DELETE"));
    }

    @Test
    void shouldRecordALegalHoldForTheLegalRoleOnlyAndShowIt() {
        String person = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        publish(HrEvents.joiner(person, "Grace", "Hopper", ENGINEER, LocalDate.now().minusYears(1), Instant.now()));
        commandsFor(person, c -> c.getOperation() == AccessOperation.SET_ACCOUNT_ENABLED);

        // An auditor may read but not set a hold; no reason is a 422 naming the field
        given().auth().oauth2(TestTokens.sign("auditor-1", "auditor", null)).contentType("application/json")
                .body(Map.of("hold", true, "reason", "matter 42"))
                .put("/api/v1/people/{id}/legal-hold", person).then().statusCode(403);
        given().auth().oauth2(TestTokens.sign("counsel-1", "legal", null)).contentType("application/json")
                .body(Map.of("hold", true)).put("/api/v1/people/{id}/legal-hold", person)
                .then().statusCode(422).body("errors[0].field", equalTo("reason"));

        // Legal sets it: accepted, and the person's access shows it once the planner has it
        given().auth().oauth2(TestTokens.sign("counsel-1", "legal", null)).contentType("application/json")
                .body(Map.of("hold", true, "reason", "matter 42")).put("/api/v1/people/{id}/legal-hold", person)
                .then().statusCode(202).body("hold", equalTo(true));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean held = false;
        while (!held && System.nanoTime() < deadline) {
            held = given().auth().oauth2(TestTokens.sign("auditor-1", "auditor", null))
                    .get("/api/v1/people/{id}/access", person).then().statusCode(200)
                    .extract().jsonPath().getBoolean("legalHold");
        }
        assertThat(held).isTrue();
    }

    @Test
    void shouldRefuseCallersWithoutAToken() {
        given().get("/api/v1/people/{id}/access", "E1").then().statusCode(401);
    }

    private static void publish(HrLifecycleEvent... events) {
        TenurePeers peers = TenurePeers.shared();
        try (KafkaProducer<String, HrLifecycleEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new RegistryAvroSerializer<>(Topics.HR_LIFECYCLE_EVENTS, peers.registryUrl()))) {
            for (HrLifecycleEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.HR_LIFECYCLE_EVENTS.name(), event.getPersonId(), event));
            }
            producer.flush();
        }
    }

    /** The person's commands, in order, up to and including the first that {@code last} accepts (30 s at most). */
    private static List<AccessCommand> commandsFor(String person, java.util.function.Predicate<AccessCommand> last) {
        TenurePeers peers = TenurePeers.shared();
        List<AccessCommand> found = new ArrayList<>();
        try (KafkaConsumer<String, AccessCommand> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, peers.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "planner-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new RegistryAvroDeserializer<>(AccessCommand.class, peers.registryUrl()))) {
            consumer.subscribe(List.of(Topics.ACCESS_COMMANDS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, AccessCommand> record : consumer.poll(Duration.ofMillis(200))) {
                    if (person.equals(record.key())) {
                        found.add(record.value());
                        if (last.test(record.value())) {
                            return found;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no such command for " + person + " within 60 s; saw " + found);
    }
}
