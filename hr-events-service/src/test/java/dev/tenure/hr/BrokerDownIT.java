package dev.tenure.hr;

import dev.tenure.hr.support.CatalogueTopics;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenure.hr.support.HrTopicReader;
import dev.tenure.hr.support.Http;
import dev.tenure.hr.support.SampleEvents;
import dev.tenure.hr.support.Tokens;
import dev.tenure.peers.Folders;
import dev.tenure.peers.KafkaBroker;
import dev.tenure.peers.Lifetime;
import dev.tenure.peers.PeerDistributions;
import dev.tenure.peers.Ports;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the broker unreachable, a submission is refused with 503, Retry-After and problem+json, and nothing is
 * published, not even once the broker is back. The shared broker serves other tests and must stay up, so this test
 * runs the packaged service on a private broker of its own (with the shared registry), which it stops and restarts.
 */
class BrokerDownIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration BROKER_READY = Duration.ofSeconds(120);
    /** The service's publish timeout here, so that the refusal comes well within the 15 s a caller may wait. */
    private static final String PUBLISH_TIMEOUT = "3s";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final Path WORK = PackagedService.moduleDir().resolve("target/broker-down-it");

    private KafkaBroker broker;
    private PackagedService service;

    @AfterEach
    void stopTheServiceAndThePrivateBroker() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            Folders.deleteRecursively(WORK.resolve("kafka"));
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterAndPublishNothingWhileTheBrokerIsUnreachable() {
        // Given the packaged service on a private broker, ready, and already publishing (its producer is connected)
        KafkaBroker.Settings settings = privateBrokerSettings();
        startBroker(settings);
        CatalogueTopics.createOn(broker.bootstrapServers());
        String registryUrl = TenurePeers.shared().registryUrl();
        Map<String, String> env = PackagedService.environment(broker.bootstrapServers(), registryUrl);
        env.put("HOSTNAME", "broker-down-it"); // names the import transactional id
        env.put("TENURE_INTAKE_PUBLISH_TIMEOUT", PUBLISH_TIMEOUT);
        service = PackagedService.start("broker-down-it", env);
        service.awaitReady(READY);
        HttpResponse<String> warmUp = Http.postJson(service.baseUri(), Tokens.hris(),
                SampleEvents.joiner("EOTSS", SampleEvents.newPersonId()));
        assertThat(warmUp.statusCode()).as(warmUp.body()).isEqualTo(202);
        HrTopicReader topic = new HrTopicReader(broker.bootstrapServers(), registryUrl);
        Map<TopicPartition, Long> highWatermarksBefore = topic.highWatermarks();

        // When the broker becomes unreachable and a joiner is submitted
        broker.close();
        String personId = SampleEvents.newPersonId();
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", personId);
        String eventId = (String) joiner.get("eventId");
        long sentAt = System.nanoTime();
        HttpResponse<String> answer = Http.postJson(service.baseUri(), Tokens.hris(), joiner);
        Duration took = Duration.ofNanos(System.nanoTime() - sentAt);

        // Then it is refused at once, within the time a caller may wait: 503, Retry-After, problem+json
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(took).as("answered within " + ANSWER_WITHIN).isLessThan(ANSWER_WITHIN);
        assertThat(answer.headers().firstValue("Retry-After")).as("Retry-After (delta-seconds)")
                .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(answer.headers().firstValue("Content-Type")).as("Content-Type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Http.json(answer);
        assertThat(problem.path("type").asText()).isEqualTo("https://tenure.dev/problems/broker-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);

        // And when the broker is back (same data, same ports), not one record was written since the refusal
        startBroker(settings);
        service.awaitReady(READY);
        assertThat(topic.highWatermarks()).as("high watermarks after the outage").isEqualTo(highWatermarksBefore);

        // And a later event about the same person (same key, same partition: behind anything the producer might
        // still have held) lands, while the refused one never does
        Map<String, Object> later = SampleEvents.joiner("EOTSS", personId);
        HttpResponse<String> laterAnswer = acceptedAfterRetries(later);
        assertThat(topic.withEventId(eventId)).as("records of the refused event").isEmpty();
        assertThat(topic.withEventId((String) later.get("eventId"))).as("records of the later event").hasSize(1);

        // And the caller's retry of the refused event is taken as a new event, published after the later one
        HttpResponse<String> retried = acceptedAfterRetries(joiner);
        List<HrLifecycleEvent> published = topic.withEventId(eventId);
        assertThat(published).as("records of the retried event").hasSize(1);
        JsonNode laterReceipt = Http.json(laterAnswer);
        JsonNode retriedReceipt = Http.json(retried);
        assertThat(retriedReceipt.get("partition")).isEqualTo(laterReceipt.get("partition"));
        assertThat(retriedReceipt.get("offset").asLong()).as("offset of the retried event")
                .isGreaterThan(laterReceipt.get("offset").asLong());
    }

    /** Submits until accepted, as a caller honouring 503 would (without waiting the full Retry-After). */
    private HttpResponse<String> acceptedAfterRetries(Map<String, Object> event) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> answer = Http.postJson(service.baseUri(), Tokens.hris(), event);
            if (answer.statusCode() != 503 || System.nanoTime() > deadline) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                return answer;
            }
            pause(500);
        }
    }

    private KafkaBroker.Settings privateBrokerSettings() {
        Path dataDir = WORK.resolve("kafka");
        Path log = WORK.resolve("kafka.log");
        Folders.deleteRecursively(dataDir);
        try {
            Files.createDirectories(WORK);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Bound to this JVM, but deleting nothing when stopped: the restart must find the same data.
        return new KafkaBroker.Settings(dataDir, log, Ports.free(), Ports.free(), "256m",
                new Lifetime(ProcessHandle.current().pid(), null));
    }

    private void startBroker(KafkaBroker.Settings settings) {
        broker = KafkaBroker.start(PeerDistributions.fromBuild(), settings);
        broker.awaitReady(BROKER_READY);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
