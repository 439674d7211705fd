package dev.tenure.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.system.SleOracle.Counts;
import dev.tenure.system.SleOracle.Sle;
import dev.tenure.tools.auth.Caller;
import dev.tenure.tools.auth.JwtMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The dashboard's compliance report ({@code GET /api/v1/sle/compliance}), read as an analyst. */
final class DashboardReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI compliance;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DashboardReport(String auditBaseUrl, JwtMinter minter) {
        this.compliance = URI.create(auditBaseUrl + "/api/v1/sle/compliance");
        this.token = minter.mint(new Caller("system-test-analyst", List.of("analyst"), null), Duration.ofHours(2));
    }

    /** Each SLE's counts over every period. */
    Map<Sle, Counts> counts() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(compliance)
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the dashboard answered " + response.statusCode() + ": " + response.body());
        }
        Map<Sle, Counts> counts = new EnumMap<>(Sle.class);
        for (JsonNode sle : JSON.readTree(response.body()).path("sles")) {
            JsonNode c = sle.path("counts");
            counts.put(Sle.valueOf(sle.path("sle").asText()), new Counts(c.path("total").asLong(),
                    c.path("met").asLong(), c.path("missed").asLong(), c.path("pending").asLong(),
                    c.path("lateSubmissions").asLong()));
        }
        return counts;
    }
}
