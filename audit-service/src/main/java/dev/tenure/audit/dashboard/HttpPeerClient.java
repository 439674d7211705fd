package dev.tenure.audit.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads a peer instance's local stores over HTTP ({@link InstanceStoreResource}), with the caller's own bearer token:
 * the peer checks the same roles, so no instance-to-instance credential exists.
 */
public final class HttpPeerClient implements PeerClient {

    static final String BASE = "/api/v1/sle/instance";
    static final String CASE_PAGE = "/case-page";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper json;
    private final String authorization;

    public HttpPeerClient(ObjectMapper json, String authorization) {
        this.json = json;
        this.authorization = authorization;
    }

    @Override
    public Optional<CaseView> fetchCase(HostInfo peer, String caseId) {
        HttpResponse<String> response = get(peer, "/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(peer, response, new TypeReference<CaseView>() { }));
    }

    @Override
    public CasePage fetchCasePage(HostInfo peer, CaseQuery query) {
        return read(peer, get(peer, CASE_PAGE + "?" + query.toQueryString()), new TypeReference<CasePage>() { });
    }

    @Override
    public List<Compliance> fetchCompliance(HostInfo peer) {
        return read(peer, get(peer, "/compliance"), new TypeReference<List<Compliance>>() { });
    }

    private HttpResponse<String> get(HostInfo peer, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port()
                + BASE + path)).timeout(TIMEOUT).header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StoresUnavailableException("instance " + peer + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoresUnavailableException("interrupted while asking " + peer, e);
        }
    }

    private <T> T read(HostInfo peer, HttpResponse<String> response, TypeReference<T> type) {
        if (response.statusCode() != 200) {
            throw new StoresUnavailableException("instance " + peer + " answered " + response.statusCode());
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new StoresUnavailableException("instance " + peer + " answered what is not its stores: " + e, e);
        }
    }
}
