package dev.tenure.hr;

import dev.tenure.hr.support.CatalogueTopics;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenure.hr.support.HrTopic;
import dev.tenure.hr.support.Http;
import dev.tenure.hr.support.SampleEvents;
import dev.tenure.hr.support.Tokens;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotent resubmission survives a restart of the real, packaged service (graceful, and kill -9): the receipts are
 * rebuilt from the topic, so the same event gets the same answer and a reused id is still a conflict. Plain JUnit:
 * the service runs as its own process ({@code java -jar target/quarkus-app/quarkus-run.jar}) on the shared broker.
 */
class RestartIT {

    private static final Duration READY = Duration.ofSeconds(90);

    private PackagedService service;

    @BeforeAll
    static void createTheCatalogueTopics() {
        CatalogueTopics.createOn(TenurePeers.shared());
    }

    @AfterEach
    void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldAnswerAResubmissionAfterAGracefulRestartWithTheOriginalReceipt() {
        resubmissionSurvivesARestart("graceful", PackagedService::terminate);
    }

    @Test
    void shouldAnswerAResubmissionAfterAKillWithTheOriginalReceipt() {
        resubmissionSurvivesARestart("kill", PackagedService::kill);
    }

    private void resubmissionSurvivesARestart(String round, Consumer<PackagedService> stop) {
        // Given the packaged service, ready, has accepted a joiner
        start(round + "-1");
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", SampleEvents.newPersonId());
        String eventId = (String) joiner.get("eventId");
        HttpResponse<String> first = Http.postJson(service.baseUri(), Tokens.hris(), joiner);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode receipt = Http.json(first);

        // When it is stopped (SIGTERM, or SIGKILL) and started again
        stop.accept(service);
        assertThat(service.isAlive()).as("stopped").isFalse();
        start(round + "-2");

        // Then the same event again is answered 202 with the original receipt
        HttpResponse<String> again = Http.postJson(service.baseUri(), Tokens.hris(), joiner);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        JsonNode replayed = Http.json(again);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(replayed.get("acceptedAt")).as("acceptedAt").isEqualTo(receipt.get("acceptedAt"));
        soft.assertThat(replayed.get("partition")).as("partition").isEqualTo(receipt.get("partition"));
        soft.assertThat(replayed.get("offset")).as("offset").isEqualTo(receipt.get("offset"));
        soft.assertThat(replayed).as("the whole receipt").isEqualTo(receipt);

        // And looking it up answers the same receipt
        HttpResponse<String> lookedUp = Http.get(service.baseUri(), "/api/v1/lifecycle-events/" + eventId,
                Tokens.auditor());
        soft.assertThat(lookedUp.statusCode()).as("look-up status").isEqualTo(200);
        soft.assertThat(Http.json(lookedUp)).as("looked-up receipt").isEqualTo(receipt);

        // And the same eventId with other content is a conflict
        joiner.put("jobTitle", "Senior Finance Analyst");
        HttpResponse<String> reused = Http.postJson(service.baseUri(), Tokens.hris(), joiner);
        soft.assertThat(reused.statusCode()).as("reused id: %s", reused.body()).isEqualTo(409);
        soft.assertThat(Http.json(reused).path("type").asText())
                .isEqualTo("https://tenure.dev/problems/event-id-reused");

        // And the topic holds exactly one record with that eventId
        soft.assertThat(HrTopic.readAll().stream().filter(r -> eventId.equals(r.value().getEventId())).count())
                .as("records with eventId " + eventId).isEqualTo(1);
        soft.assertAll();
    }

    /** Starts the packaged service (kept in {@link #service}, so that it is always stopped) and waits until ready. */
    private void start(String name) {
        TenurePeers peers = TenurePeers.shared();
        service = PackagedService.start("restart-it-" + name,
                intakeEnvironment(peers));
        service.awaitReady(READY);
    }

    private static Map<String, String> intakeEnvironment(TenurePeers peers) {
        Map<String, String> env = PackagedService.environment(peers.bootstrapServers(), peers.registryUrl());
        env.put("HOSTNAME", "restart-it"); // names the import transactional id
        return env;
    }
}
