package dev.tenure.tools.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts prepared JSON events over a pool of keep-alive HTTP/1.1 connections, on one event-loop
 * thread. Cheap enough per request that the load generator, not the service, is never what sets
 * the pace on a 2-core machine (the JDK's HttpClient was: it fell seconds behind schedule at 500 req/s).
 */
public final class PooledEventSender implements FixedRateLoad.Sender, AutoCloseable {

    private final Vertx vertx;
    private final HttpClient http;
    private final RequestOptions template;
    private final List<Buffer> bodies;
    private final List<String> authorizations;
    private final Duration timeout;

    /** {@code tokens} has one token for all requests, or one per body. */
    public PooledEventSender(URI base, List<byte[]> bodies, List<String> tokens, int connections, Duration timeout) {
        if (tokens.size() != 1 && tokens.size() != bodies.size()) {
            throw new IllegalArgumentException("one token, or one per body");
        }
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : 80)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(5000);
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections)
                .setMaxWaitQueueSize(-1));
        String path = base.getPath().replaceAll("/+$", "") + IntakeClient.EVENTS_PATH;
        this.template = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        this.bodies = bodies.stream().map(Buffer::buffer).toList();
        this.authorizations = tokens.stream().map(token -> "Bearer " + token).toList();
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<HttpAnswer> send(long index) {
        int i = Math.toIntExact(index);
        RequestOptions options = new RequestOptions(template)
                .putHeader("Authorization", authorizations.get(authorizations.size() == 1 ? 0 : i));
        Future<HttpAnswer> answer = http.request(options)
                .compose(request -> request.send(bodies.get(i)))
                .compose(response -> response.body()
                        .map(body -> new HttpAnswer(response.statusCode(), body.toString(StandardCharsets.UTF_8))));
        // A hard deadline as well: a request the client loses (seen: a handful in 15,000, never answered and never
        // failed by the pool) then counts as a failure with its reason instead of hanging the drain.
        return answer.toCompletionStage().toCompletableFuture()
                .orTimeout(timeout.toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            http.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        vertx.close();
    }
}
