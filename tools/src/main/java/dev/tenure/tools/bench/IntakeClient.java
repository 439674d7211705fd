package dev.tenure.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** HTTP to the hr-events-service intake for CSV imports and readiness (single events: {@link PooledEventSender}). */
public final class IntakeClient implements AutoCloseable {

    public static final String EVENTS_PATH = "/api/v1/lifecycle-events";
    public static final String IMPORTS_PATH = "/api/v1/lifecycle-events/imports";
    public static final String READY_PATH = "/q/health/ready";

    private final URI base;
    private final ExecutorService executor;
    private final HttpClient http;

    public IntakeClient(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "intake-client");
            thread.setDaemon(true);
            return thread;
        });
        // HTTP/1.1 with a keep-alive pool: what HR systems and curl speak; no h2c upgrade dance.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    public URI base() {
        return base;
    }

    public HttpRequest importRequest(byte[] csv, String bearerToken, Duration importTimeout) {
        return post(IMPORTS_PATH, "text/csv; charset=utf-8", csv, bearerToken, importTimeout);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The readiness status code, or -1 with the reason when the service cannot be reached. */
    public ReadyCheck ready() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(READY_PATH)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = send(request);
            return new ReadyCheck(response.statusCode(), response.body());
        } catch (IOException e) {
            return new ReadyCheck(-1, e.toString());
        }
    }

    /** What {@link #READY_PATH} answered. */
    public record ReadyCheck(int status, String body) {
        public boolean ready() {
            return status == 200;
        }
    }

    private HttpRequest post(String path, String contentType, byte[] body, String bearerToken, Duration requestTimeout) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
