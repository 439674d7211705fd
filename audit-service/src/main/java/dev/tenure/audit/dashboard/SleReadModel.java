package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.streams.SleTopology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The SLE stores as one, however many instances share them: a key is read from the instance that owns it (this one,
 * or fetched from the owner over HTTP), a scan is the union of every holder's local part, and a page of the case list
 * is the merge of every holder's own page of the same query.
 */
public final class SleReadModel {

    private final SleInstances instances;
    private final PeerClient peers;

    public SleReadModel(SleInstances instances, PeerClient peers) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.peers = Objects.requireNonNull(peers, "peers");
    }

    /** One case, from the instance that owns it. */
    public Optional<CaseView> caseById(String caseId) {
        HostInfo owner = instances.ownerOf(SleTopology.CASE_STATUS_STORE, caseId);
        return owner.equals(instances.self()) ? instances.localCase(caseId) : peers.fetchCase(owner, caseId);
    }

    /** A page of the cases of every instance: each holder's first page of the query, merged. */
    public CasePage casePage(CaseQuery query) {
        return CasePage.merge(fromEachHolder(SleTopology.CASE_INDEX_STORE, () -> instances.localCasePage(query),
                holder -> peers.fetchCasePage(holder, query)), query.limit());
    }

    /** Every aggregate of every instance. */
    public List<Compliance> allCompliance() {
        return fromEachHolder(SleTopology.COMPLIANCE_STORE, instances::localCompliance, peers::fetchCompliance)
                .stream().flatMap(List::stream).toList();
    }

    private <T> List<T> fromEachHolder(String store, Supplier<T> local, Function<HostInfo, T> remote) {
        Collection<HostInfo> holders = instances.holdersOf(store);
        List<T> parts = new ArrayList<>();
        for (HostInfo holder : holders) {
            parts.add(holder.equals(instances.self()) ? local.get() : remote.apply(holder));
        }
        return parts;
    }
}
