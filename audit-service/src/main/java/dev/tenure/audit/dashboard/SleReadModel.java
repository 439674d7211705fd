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
 * or fetched from the owner over HTTP), and a scan is the union of every holder's local part.
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

    /** Every case of every instance. */
    public List<CaseView> allCases() {
        return scan(SleTopology.CASE_STATUS_STORE, instances::localCases, peers::fetchCases);
    }

    /** Every aggregate of every instance. */
    public List<Compliance> allCompliance() {
        return scan(SleTopology.COMPLIANCE_STORE, instances::localCompliance, peers::fetchCompliance);
    }

    private <T> List<T> scan(String store, Supplier<List<T>> local, Function<HostInfo, List<T>> remote) {
        Collection<HostInfo> holders = instances.holdersOf(store);
        List<T> all = new ArrayList<>();
        for (HostInfo holder : holders) {
            all.addAll(holder.equals(instances.self()) ? local.get() : remote.apply(holder));
        }
        return all;
    }
}
