package dev.tenure.access.scim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP proxy in front of a real SCIM server: it records every request (method and path) so a test can say
 * which requests the connector made, and can answer the next request itself — 429 with {@code Retry-After}, as a
 * rate-limiting gateway does — or forward it and lose the answer (502), as a network does.
 */
final class ScimProxy implements AutoCloseable {

    record Request(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private final List<Request> requests = new ArrayList<>();
    private int rateLimitNext;
    private long retryAfterSeconds;
    private String loseNextAnswerTo;

    ScimProxy(String upstreamOrigin) throws IOException {
        this.upstream = upstreamOrigin;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }

    /** The next {@code count} requests are answered 429 with {@code Retry-After: seconds}, not forwarded. */
    synchronized void rateLimitNext(int count, long seconds) {
        rateLimitNext = count;
        retryAfterSeconds = seconds;
    }

    /** The next {@code method} request is forwarded (and carried out), but the connector gets a 502 instead. */
    synchronized void loseNextAnswerTo(String method) {
        loseNextAnswerTo = method;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        boolean limited;
        boolean lose;
        long wait;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
            limited = rateLimitNext > 0;
            if (limited) {
                rateLimitNext--;
            }
            wait = retryAfterSeconds;
            lose = !limited && exchange.getRequestMethod().equals(loseNextAnswerTo);
            if (lose) {
                loseNextAnswerTo = null;
            }
        }
        try (exchange) {
            if (limited) {
                exchange.getResponseHeaders().add("Retry-After", Long.toString(wait));
                exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
                respond(exchange, 429, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                        + "\"status\":\"429\",\"detail\":\"Too many requests\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + pathAndQuery))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Authorization", "Content-Type", "Accept", "If-Match")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<String> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            if (lose) {
                respond(exchange, 502, "");
                return;
            }
            answer.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            respond(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
