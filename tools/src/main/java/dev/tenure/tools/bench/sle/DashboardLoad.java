package dev.tenure.tools.bench.sle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Concurrent readers of the dashboard's API, as analysts' pages read it: each reader (a thread of its own, closed
 * model: its next request leaves when the previous answer is in) repeats what a page does: the compliance report and
 * the first page of the missed and at-risk cases as the page loads them (all agencies, months), the same for one
 * agency (weeks), a later page of the list ("More cases": after a cursor the list gave, anywhere in it), and one
 * case's drill-down. Before the run the whole list is read a page at a time, for the cursors and the case ids. Every request carries the analyst's bearer token. Latency is from sending the request to
 * having the whole body, recorded in HdrHistogram (1 µs to 5 min, 3 significant digits) per kind of request and in
 * all; the first {@code warmUp} is not recorded.
 */
public final class DashboardLoad {

    /** What a page asks. */
    enum Kind {
        COMPLIANCE("compliance (page default: all agencies, months)"),
        CASES("missed and at-risk cases, first page (page default: all agencies)"),
        AGENCY_COMPLIANCE("compliance of one agency, weeks"),
        AGENCY_CASES("missed and at-risk cases of one agency, first page"),
        NEXT_CASES("missed and at-risk cases, a later page (after a cursor)"),
        CASE("one case's drill-down");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The latencies of one kind of request (or of all), in nanoseconds. */
    public record Latencies(String label, long count, long p50, long p95, long p99, long max) {
        static Latencies of(String label, Histogram h) {
            return new Latencies(label, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(95),
                    h.getValueAtPercentile(99), h.getMaxValue());
        }
    }

    /** What a run measured. */
    public record Result(String base, int readers, Duration warmUp, Duration duration, Duration requestTimeout,
                         double seconds, long requests, double requestsPerSecond, Latencies all, List<Latencies> byKind,
                         Map<Integer, Long> statuses, String firstError, int agencies, int caseIds,
                         List<String> sles) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The case list as the page asks for it (the service's default page size). */
    private static final String CASES_PATH = "/api/v1/sle/cases?status=MISSED&status=AT_RISK";
    private static final long HIGHEST = Duration.ofMinutes(5).toNanos();

    private final String base;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final PrintStream log;

    /** @param requestTimeout a request not answered within it counts as status -1, at its time-out as latency */
    public DashboardLoad(String base, String token, Duration requestTimeout, PrintStream log) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Result run(int readers, Duration warmUp, Duration duration) throws InterruptedException, IOException {
        // what the pages will ask for: the agencies of the report and the ids of the listed cases
        HttpResponse<byte[]> report = get("/api/v1/sle/compliance?period=MONTH");
        HttpResponse<byte[]> cases = get(CASES_PATH);
        if (report.statusCode() != 200 || cases.statusCode() != 200) {
            throw new IllegalStateException("the dashboard API does not answer: compliance " + report.statusCode()
                    + ", cases " + cases.statusCode() + ": " + new String(report.body(), StandardCharsets.UTF_8));
        }
        List<String> agencies = new ArrayList<>();
        JSON.readTree(report.body()).path("agencies").forEach(a -> agencies.add(a.asText()));
        List<String> sles = new ArrayList<>();
        JSON.readTree(report.body()).path("sles").forEach(s -> {
            JsonNode n = s.path("counts");
            sles.add(String.format(java.util.Locale.ROOT, "%s %s (met %,d, missed %,d, pending %,d, late submissions %,d)",
                    s.path("sle").asText(), s.path("compliance").isNumber()
                            ? String.format(java.util.Locale.ROOT, "%.1f %%", 100 * s.path("compliance").asDouble()) : "—",
                    n.path("met").asLong(), n.path("missed").asLong(), n.path("pending").asLong(),
                    n.path("lateSubmissions").asLong()));
        });
        // the whole list a page at a time: the case ids for the drill-downs, the cursors for the later pages
        List<String> caseIds = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        JsonNode page = JSON.readTree(cases.body());
        long total = page.path("total").asLong();
        long started = System.nanoTime();
        while (true) {
            page.path("cases").forEach(c -> caseIds.add(c.path("view").path("caseId").asText()));
            if (page.path("next").isNull() || page.path("next").isMissingNode()) {
                break;
            }
            cursors.add(page.path("next").asText());
            HttpResponse<byte[]> next = get(CASES_PATH + "&after=" + page.path("next").asText());
            if (next.statusCode() != 200) {
                throw new IllegalStateException("the next page of the case list: " + next.statusCode() + ": "
                        + new String(next.body(), StandardCharsets.UTF_8));
            }
            page = JSON.readTree(next.body());
        }
        if (agencies.isEmpty() || caseIds.isEmpty() || cursors.isEmpty()) {
            throw new IllegalStateException("the dashboard shows no agencies, no cases or one page only: nothing to read");
        }
        log.printf("dashboard: %d agencies, %,d missed or at-risk cases (total %,d%s) in %d pages read in %.1f s, the "
                        + "first %,d bytes; %d readers for %d s after %d s%n", agencies.size(), caseIds.size(), total,
                caseIds.size() == total && caseIds.stream().distinct().count() == total ? ", each once" : ": NOT each once",
                cursors.size() + 1, (System.nanoTime() - started) / 1e9, cases.body().length, readers,
                duration.toSeconds(), warmUp.toSeconds());

        Map<Kind, Histogram> histograms = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            histograms.put(kind, new Histogram(1_000, HIGHEST, 3));
        }
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong measured = new AtomicLong();
        StringBuilder firstError = new StringBuilder();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(readers);
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread thread = new Thread(() -> {
                try {
                    read(reader, agencies, caseIds, cursors, measureFrom, end, histograms, statuses, measured,
                            firstError);
                } finally {
                    finished.countDown();
                }
            }, "dashboard-reader-" + r);
            thread.setDaemon(true);
            thread.start();
        }
        finished.await();
        double seconds = duration.toNanos() / 1e9;
        Histogram all = new Histogram(1_000, HIGHEST, 3);
        List<Latencies> byKind = new ArrayList<>();
        histograms.forEach((kind, h) -> {
            synchronized (h) {
                all.add(h);
                byKind.add(Latencies.of(kind.label, h));
            }
        });
        return new Result(base, readers, warmUp, duration, requestTimeout, seconds, measured.get(), measured.get() / seconds,
                Latencies.of("all requests", all), byKind, new TreeMap<>(statuses),
                firstError.length() == 0 ? null : firstError.toString(), agencies.size(), caseIds.size(), sles);
    }

    private void read(int reader, List<String> agencies, List<String> caseIds, List<String> cursors, long measureFrom,
                      long end,
                      Map<Kind, Histogram> histograms, Map<Integer, Long> statuses, AtomicLong measured,
                      StringBuilder firstError) {
        SplittableRandom random = new SplittableRandom(reader * 7919L + 17);
        Kind[] kinds = Kind.values();
        int next = reader % kinds.length;
        while (System.nanoTime() < end) {
            Kind kind = kinds[next];
            next = (next + 1) % kinds.length;
            String agency = agencies.get(random.nextInt(agencies.size()));
            String path = switch (kind) {
                case COMPLIANCE -> "/api/v1/sle/compliance?period=MONTH";
                case CASES -> CASES_PATH;
                case AGENCY_COMPLIANCE -> "/api/v1/sle/compliance?period=WEEK&agency=" + encode(agency);
                case AGENCY_CASES -> CASES_PATH + "&agency=" + encode(agency);
                case NEXT_CASES -> CASES_PATH + "&after=" + cursors.get(random.nextInt(cursors.size()));
                case CASE -> "/api/v1/sle/cases/" + encode(caseIds.get(random.nextInt(caseIds.size())));
            };
            long sent = System.nanoTime();
            int status;
            try {
                HttpResponse<byte[]> response = get(path);
                status = response.statusCode();
                if (status != 200) {
                    remember(firstError, path + " → " + status + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) { // a time-out (java.net.http.HttpTimeoutException) or a lost connection
                status = -1;
                remember(firstError, path + " → " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long answered = System.nanoTime();
            // every request sent inside the window counts, however late its answer (or its time-out): a service that
            // stalls shows the stall; only those answered inside the window count towards requests/s
            if (sent >= measureFrom && sent < end) {
                Histogram h = histograms.get(kind);
                synchronized (h) {
                    h.recordValue(Math.min(HIGHEST, Math.max(1_000, answered - sent)));
                }
                statuses.merge(status, 1L, Long::sum);
                if (answered <= end) {
                    measured.incrementAndGet();
                }
            }
        }
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void remember(StringBuilder firstError, String error) {
        synchronized (firstError) {
            if (firstError.length() == 0) {
                firstError.append(error.length() > 500 ? error.substring(0, 500) + "…" : error);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
