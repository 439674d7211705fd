package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads another instance's part of the SLE stores (its {@code /api/v1/sle/instance/...} endpoints, which answer from
 * their local stores only, so a fan-out never loops). Throws {@link StoresUnavailableException} when the peer
 * cannot answer.
 */
public interface PeerClient {

    Optional<CaseView> fetchCase(HostInfo peer, String caseId);

    CasePage fetchCasePage(HostInfo peer, CaseQuery query);

    List<Compliance> fetchCompliance(HostInfo peer);
}
