package dev.tenure.local;

import dev.tenure.peers.PeerException;
import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import dev.tenure.tools.feed.FeedConfig;
import dev.tenure.tools.feed.FeedCsvWriter;
import dev.tenure.tools.feed.SampleFeedGenerator;
import dev.tenure.tools.feed.ScheduledEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo: a realistic year of a generated organisation (joiners, movers, transfers, leavers,
 * immediate terminations, corrections, rehires, late submissions), imported once through the
 * intake API as an HR system would, so a newcomer sees the system work.
 */
final class DemoFeed {

    static final int PEOPLE = 300;
    private static final String MARKER = "demo-feed-loaded";

    private DemoFeed() {
    }

    /** Loads the feed unless this data folder already has it; returns a line saying what happened. */
    static String loadOnce(Path dataDir, Path privateKey, String intakeBaseUrl) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return "sample HR feed already loaded (delete " + marker + " to load another)";
        }
        // The year ends today, so immediate terminations are not dated in the future.
        List<ScheduledEvent> feed = SampleFeedGenerator.generate(FeedConfig.defaults().withPeople(PEOPLE)
                .withStart(LocalDate.now().minusDays(365)).withPersonIdPrefix("D" + System.currentTimeMillis() % 100000));
        String token = JwtMinter.fromPemFile(privateKey, JwtMinter.DEFAULT_ISSUER)
                .mint(Caller.hris("sample-hris"), Duration.ofMinutes(10));
        HttpRequest request = HttpRequest.newBuilder(URI.create(intakeBaseUrl + "/api/v1/lifecycle-events/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(FeedCsvWriter.toBytes(ScheduledEvent.events(feed))))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new PeerException("the intake refused the sample feed (" + response.statusCode() + "): "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            Files.writeString(marker, feed.size() + " events\n");
            return "loaded a sample HR feed: " + feed.size() + " lifecycle events of " + PEOPLE + " people";
        } catch (IOException e) {
            throw new PeerException("could not send the sample feed to " + intakeBaseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted while loading the sample feed");
        }
    }
}
