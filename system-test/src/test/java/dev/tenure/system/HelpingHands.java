package dev.tenure.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.serde.RegistryAvroDeserializer;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The people the system waits for, for some of the feed's people: deskside staff who prepare and hand over every
 * item requested for them and collect every item asked back, and provisioners who complete their manual tasks — at
 * once, through the services' own APIs. The others' equipment and manual tasks are left alone, so the SLEs have both
 * met and missed cases that depend on people.
 */
final class HelpingHands implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final String registryUrl;
    private final URI equipmentSteps;
    private final String manualTasks;
    private final Predicate<String> helped;
    private final String desksideToken;
    private final String provisionerToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger stepsRecorded = new AtomicInteger();
    private final AtomicInteger tasksDone = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread worker;

    private HelpingHands(LocalDeployment system, JwtMinter minter, Predicate<String> helped) {
        this.bootstrapServers = system.bootstrapServers();
        this.registryUrl = system.registryUrl();
        this.equipmentSteps = URI.create(system.serviceUrl("equipment-service") + "/api/v1/equipment/steps");
        this.manualTasks = system.serviceUrl("access-service") + "/api/v1/manual-tasks";
        this.helped = helped;
        this.desksideToken = minter.mint(new Caller("deskside-sam", List.of("deskside"), null), Duration.ofHours(2));
        this.provisionerToken = minter.mint(new Caller("provisioner-pat", List.of("provisioner"), null),
                Duration.ofHours(2));
        this.worker = new Thread(this::work, "helping-hands");
    }

    /** Starts helping the people {@code helped} accepts. */
    static HelpingHands start(LocalDeployment system, JwtMinter minter, Predicate<String> helped) {
        HelpingHands hands = new HelpingHands(system, minter, helped);
        hands.worker.start();
        return hands;
    }

    String summary() {
        return stepsRecorded.get() + " deskside steps, " + tasksDone.get() + " manual tasks done, " + refused.get()
                + " refused (an item cancelled meanwhile, a task already done)";
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        worker.join(30_000);
    }

    private void work() {
        try (KafkaConsumer<String, EquipmentEvent> equipment = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-deskside-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new RegistryAvroDeserializer<>(EquipmentEvent.class, registryUrl))) {
            equipment.subscribe(List.of(Topics.EQUIPMENT_EVENTS.name()));
            while (running.get()) {
                for (ConsumerRecord<String, EquipmentEvent> record : equipment.poll(Duration.ofMillis(500))) {
                    EquipmentEvent e = record.value();
                    if (e != null && e.getItemId() != null && helped.test(e.getPersonId())) {
                        deskside(e);
                    }
                }
                completeManualTasks();
            }
        } catch (RuntimeException | IOException e) {
            System.err.println("helping hands stopped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deskside(EquipmentEvent e) throws IOException, InterruptedException {
        String item = e.getItemId();
        switch (e.getChange().name()) {
            case "REQUESTED" -> {
                String tag = "ST-" + item.substring(0, Math.min(8, item.length()));
                post(equipmentSteps, desksideToken, Map.of("personId", e.getPersonId(), "itemId", item,
                        "step", "PREPARED", "assetTag", tag, "serialNumber", "SN-" + item), stepsRecorded);
                post(equipmentSteps, desksideToken, Map.of("personId", e.getPersonId(), "itemId", item,
                        "step", "DELIVERED"), stepsRecorded);
            }
            case "COLLECTION_REQUESTED" -> post(equipmentSteps, desksideToken, Map.of("personId", e.getPersonId(),
                    "itemId", item, "step", "COLLECTED"), stepsRecorded);
            default -> { }
        }
    }

    private void completeManualTasks() throws IOException, InterruptedException {
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(manualTasks + "?state=OPEN"))
                .header("Authorization", "Bearer " + provisionerToken).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (open.statusCode() != 200) {
            return; // the tasks are still being read at start-up
        }
        for (JsonNode task : JSON.readTree(open.body()).path("tasks")) {
            if (helped.test(task.path("personId").asText())) {
                post(URI.create(manualTasks + "/" + task.path("id").asText() + "/done"), provisionerToken,
                        Map.of("version", task.path("version").asInt()), tasksDone);
            }
        }
    }

    private void post(URI uri, String token, Map<String, Object> body, AtomicInteger count)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
            count.incrementAndGet();
        } else {
            refused.incrementAndGet();
        }
    }
}
