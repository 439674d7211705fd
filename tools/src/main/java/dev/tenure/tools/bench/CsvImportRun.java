package dev.tenure.tools.bench;

import dev.tenure.tools.feed.FeedCsvWriter;
import dev.tenure.tools.feed.FeedEvent;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Posts one CSV file to the import endpoint and times it, from the first byte sent to the answer. */
public final class CsvImportRun {

    private static final int SAMPLE_LENGTH = 400;

    private final IntakeClient client;
    private final Supplier<String> tokens;
    private final Duration timeout;

    public CsvImportRun(IntakeClient client, Supplier<String> tokens, Duration timeout) {
        this.client = client;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    public ImportResult run(List<FeedEvent> rows) throws InterruptedException {
        byte[] csv = FeedCsvWriter.toBytes(rows);
        String token = tokens.get();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(client.importRequest(csv, token, timeout));
            double seconds = (System.nanoTime() - started) / 1e9;
            String sample = response.statusCode() == 202 ? "" : oneLine(response.body());
            return new ImportResult(rows.size(), csv.length, response.statusCode(), seconds, sample);
        } catch (IOException e) {
            return new ImportResult(rows.size(), csv.length, -1, (System.nanoTime() - started) / 1e9, oneLine(e.toString()));
        }
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.length() <= SAMPLE_LENGTH ? line : line.substring(0, SAMPLE_LENGTH) + "…";
    }
}
