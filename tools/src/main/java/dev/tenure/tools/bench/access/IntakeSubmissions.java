package dev.tenure.tools.bench.access;

import dev.tenure.tools.bench.IntakeClient;
import dev.tenure.tools.feed.FeedCsvWriter;
import dev.tenure.tools.feed.FeedEvent;
import dev.tenure.tools.feed.FeedJsonWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** HR events into the intake the way an HR system sends them: CSV imports in bulk, single events as JSON. */
final class IntakeSubmissions implements AutoCloseable {

    private static final int IMPORT_ROWS = 500;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final IntakeClient client;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;

    IntakeSubmissions(URI intake, String token) {
        this.client = new IntakeClient(intake);
        this.token = token;
    }

    /** Imports the events in CSV batches; every row must be accepted (202), or this fails with the intake's answer. */
    void importAll(List<FeedEvent> events) throws IOException, InterruptedException {
        for (int from = 0; from < events.size(); from += IMPORT_ROWS) {
            List<FeedEvent> batch = events.subList(from, Math.min(events.size(), from + IMPORT_ROWS));
            HttpResponse<String> response = client.send(client.importRequest(FeedCsvWriter.toBytes(batch), token,
                    TIMEOUT));
            if (response.statusCode() != 202) {
                throw new IllegalStateException("the intake refused an import of " + batch.size() + " rows: HTTP "
                        + response.statusCode() + " " + abbreviate(response.body()));
            }
        }
    }

    /**
     * Sends one event and returns when the intake has accepted it (202: the broker has it).
     *
     * @return {@link System#nanoTime()} when the acceptance arrived
     */
    long submit(FeedEvent event) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(client.base().resolve(IntakeClient.EVENTS_PATH))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(FeedJsonWriter.toJsonBytes(event)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long acceptedAt = System.nanoTime();
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the intake refused " + event.type() + " for " + event.personId()
                    + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return acceptedAt;
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }

    @Override
    public void close() {
        client.close();
    }
}
