package dev.tenure.system;

import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.feed.FeedJsonWriter;
import dev.tenure.tools.feed.ScheduledEvent;
import dev.tenure.tools.feed.Submitter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a generated feed into the intake as the HR system and the coordinators would: each event at its
 * {@link ScheduledEvent#submitAt()} on the deployment's simulated clock, one JSON request each, under the token of
 * whoever submits it.
 */
final class FeedSubmitter {

    /** A request the intake did not accept. */
    record Refusal(String eventId, int status, String body) {
    }

    private final URI intake;
    private final JwtMinter minter;
    private final Clock clock;
    private final double speed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Submitter, String> tokens = new HashMap<>();
    private int lateSends;

    FeedSubmitter(String intakeBaseUrl, JwtMinter minter, Clock clock, double speed) {
        this.intake = URI.create(intakeBaseUrl + "/api/v1/lifecycle-events");
        this.minter = minter;
        this.clock = clock;
        this.speed = speed;
    }

    /** Submits every event on time (at once when its time has passed); returns what was refused. */
    List<Refusal> submitOnTime(List<ScheduledEvent> feed) throws InterruptedException {
        List<Refusal> refused = new ArrayList<>();
        for (ScheduledEvent scheduled : feed) {
            waitUntil(scheduled.submitAt());
            if (clock.instant().isAfter(scheduled.submitAt().plus(Duration.ofHours(1)))) {
                lateSends++;
            }
            HttpResponse<String> response = send(scheduled);
            if (response.statusCode() != 202) {
                refused.add(new Refusal(scheduled.event().eventId(), response.statusCode(), response.body()));
            }
        }
        return refused;
    }

    /** How many events were sent more than a simulated hour after their time (the machine could not keep up). */
    int lateSends() {
        return lateSends;
    }

    private void waitUntil(Instant simulated) throws InterruptedException {
        long simulatedMillis = Duration.between(clock.instant(), simulated).toMillis();
        if (simulatedMillis > 0) {
            Thread.sleep(Math.max(1, (long) (simulatedMillis / speed)));
        }
    }

    /** Sends one event; a 503 (the broker not reachable for a moment) is tried again, up to ten times. */
    private HttpResponse<String> send(ScheduledEvent scheduled) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(intake)
                .header("Authorization", "Bearer " + token(scheduled.submitter()))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(FeedJsonWriter.toJson(scheduled.event())))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 503 || attempt == 10) {
                    return response;
                }
            } catch (IOException e) {
                if (attempt == 10) {
                    throw new IllegalStateException("the intake did not answer for " + scheduled.event().eventId()
                            + ": " + e.getMessage(), e);
                }
            }
            Thread.sleep(500);
        }
    }

    private String token(Submitter submitter) {
        return tokens.computeIfAbsent(submitter, s -> minter.mint(s.kind() == Submitter.Kind.HRIS
                ? Caller.hris(s.principal()) : Caller.coordinator(s.principal(), s.agency()), Duration.ofHours(2)));
    }
}
