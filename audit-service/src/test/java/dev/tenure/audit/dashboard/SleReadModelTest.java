package dev.tenure.audit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenure.audit.sle.domain.CaseStatus;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.ComplianceCounts;
import dev.tenure.audit.sle.domain.ComplianceKey;
import dev.tenure.audit.sle.domain.Period;
import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.streams.SleTopology;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * The multi-instance rule: a key from its owner, a scan from every holder, each instance's part read once, a page of
 * the case list merged from every holder's own page.
 */
class SleReadModelTest {

    private static final HostInfo A = new HostInfo("audit-a", 8094);
    private static final HostInfo B = new HostInfo("audit-b", 8094);

    private final Map<HostInfo, List<CaseView>> cases = new LinkedHashMap<>();
    /** Each instance's partitions, for the case list. */
    private final Map<HostInfo, List<CaseIndexReader.Partition>> partitions = new LinkedHashMap<>();
    private final Map<HostInfo, List<Compliance>> aggregates = new LinkedHashMap<>();
    private final Map<String, HostInfo> owners = new LinkedHashMap<>();
    private final List<String> remoteCalls = new ArrayList<>();

    private final PeerClient peers = new PeerClient() {
        @Override
        public Optional<CaseView> fetchCase(HostInfo peer, String caseId) {
            remoteCalls.add(peer.host() + " case " + caseId);
            return cases.getOrDefault(peer, List.of()).stream().filter(c -> c.caseId().equals(caseId)).findFirst();
        }

        @Override
        public CasePage fetchCasePage(HostInfo peer, CaseQuery query) {
            remoteCalls.add(peer.host() + " case page");
            return CaseIndexReader.page(partitions.getOrDefault(peer, List.of()), query);
        }

        @Override
        public List<Compliance> fetchCompliance(HostInfo peer) {
            remoteCalls.add(peer.host() + " compliance");
            return aggregates.getOrDefault(peer, List.of());
        }
    };

    /** Instance A's view of the cluster. */
    private final SleInstances onA = new SleInstances() {
        @Override
        public HostInfo self() {
            return A;
        }

        @Override
        public HostInfo ownerOf(String store, String key) {
            HostInfo owner = owners.get(key);
            if (owner == null) {
                throw new StoresUnavailableException("rebalancing");
            }
            return owner;
        }

        @Override
        public Collection<HostInfo> holdersOf(String store) {
            return switch (store) {
                case SleTopology.CASE_STATUS_STORE -> cases.keySet();
                case SleTopology.CASE_INDEX_STORE -> partitions.keySet();
                default -> aggregates.keySet();
            };
        }

        @Override
        public Optional<CaseView> localCase(String caseId) {
            return cases.get(A).stream().filter(c -> c.caseId().equals(caseId)).findFirst();
        }

        @Override
        public CasePage localCasePage(CaseQuery query) {
            return CaseIndexReader.page(partitions.get(A), query);
        }

        @Override
        public List<Compliance> localCompliance() {
            return aggregates.get(A);
        }
    };

    private final SleReadModel model = new SleReadModel(onA, peers);

    @Test
    void shouldReadALocalKeyWithoutAskingAnyPeer() {
        // Given a case that instance A owns
        CaseView local = view("ACCESS_CUT_ON_END_DATE:EOTSS:L-1", "EOTSS");
        cases.put(A, List.of(local));
        owners.put(local.caseId(), A);

        // Then A answers it from its own store
        assertThat(model.caseById(local.caseId())).contains(local);
        assertThat(remoteCalls).isEmpty();
    }

    @Test
    void shouldFetchAKeyFromTheInstanceThatOwnsIt() {
        // Given a case whose partition instance B owns
        CaseView remote = view("ACCESS_CUT_ON_END_DATE:DOR:L-2", "DOR");
        cases.put(A, List.of());
        cases.put(B, List.of(remote));
        owners.put(remote.caseId(), B);

        // When A is asked for it, it fetches it from B
        assertThat(model.caseById(remote.caseId())).contains(remote);
        assertThat(remoteCalls).containsExactly("audit-b case " + remote.caseId());
    }

    @Test
    void shouldUniteTheLocalAndRemotePartsOfAScan() {
        // Given the aggregates split over two instances
        Compliance onAItself = aggregate("EOTSS", 3, 1);
        Compliance onB = aggregate("DOR", 1, 0);
        aggregates.put(A, List.of(onAItself));
        aggregates.put(B, List.of(onB));
        cases.put(A, List.of(view("ACCESS_CUT_ON_END_DATE:EOTSS:L-1", "EOTSS")));
        cases.put(B, List.of(view("ACCESS_CUT_ON_END_DATE:DOR:L-2", "DOR")));

        // Then a scan holds both parts, B's fetched once per scan
        assertThat(model.allCompliance()).containsExactlyInAnyOrder(onAItself, onB);
        assertThat(remoteCalls).containsExactly("audit-b compliance");
    }

    @Test
    void shouldPageThroughTheCasesOfBothInstancesEachOnceInOrderWithTheTotal() {
        // Given 23 missed cases on four partitions, two on instance A and two on B, due times interleaved
        List<List<CaseView>> onPartition = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        List<CaseView> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            CaseView c = view("ACCESS_CUT_ON_END_DATE:A" + i % 4 + ":L-" + i, "A" + i % 4,
                    Instant.parse("2026-04-11T04:00:00Z").plusSeconds(60L * (i % 5)));
            onPartition.get(i % 4).add(c);
            all.add(c);
        }
        partitions.put(A, List.of(MemoryPartition.of(0, onPartition.get(0)).partition,
                MemoryPartition.of(2, onPartition.get(2)).partition));
        partitions.put(B, List.of(MemoryPartition.of(1, onPartition.get(1)).partition,
                MemoryPartition.of(3, onPartition.get(3)).partition));

        // When A is asked for the list four at a time, each time after the cursor of the page before
        PageWalk walk = PageWalk.through(cursor -> model.casePage(CaseIndexReaderTest.query(List.of("MISSED"), null,
                cursor, 4)), 23, 4);

        // Then every case of both came exactly once, in the list's order; B was asked once per page
        assertThat(walk.cases()).containsExactlyElementsOf(all.stream()
                .sorted(Comparator.comparing(CasePosition::of)).toList());
        assertThat(walk.pages()).isEqualTo(6);
        assertThat(remoteCalls).hasSize(6).containsOnly("audit-b case page");
    }

    @Test
    void shouldSayTheStoresAreUnavailableWhileTheOwnerIsUnknown() {
        cases.put(A, List.of());
        assertThatThrownBy(() -> model.caseById("ACCESS_CUT_ON_END_DATE:EOTSS:L-9"))
                .isInstanceOf(StoresUnavailableException.class);
    }

    @Test
    void shouldLetAPeerThatDoesNotAnswerFailTheScanRatherThanAnswerPartOfIt() {
        // Given B down: a partial sum would show wrong compliance, so the scan fails (503) instead
        aggregates.put(A, List.of(aggregate("EOTSS", 1, 0)));
        aggregates.put(B, List.of());
        SleReadModel withBDown = new SleReadModel(onA, new PeerClient() {
            @Override
            public Optional<CaseView> fetchCase(HostInfo peer, String caseId) {
                throw new StoresUnavailableException("down");
            }

            @Override
            public CasePage fetchCasePage(HostInfo peer, CaseQuery query) {
                throw new StoresUnavailableException("down");
            }

            @Override
            public List<Compliance> fetchCompliance(HostInfo peer) {
                throw new StoresUnavailableException("instance audit-b:8094 does not answer");
            }
        });
        assertThatThrownBy(withBDown::allCompliance).isInstanceOf(StoresUnavailableException.class)
                .hasMessageContaining("audit-b");

        // And a page of the case list is not answered from A's part alone either
        partitions.put(A, List.of(MemoryPartition.of(0, List.of(view("ACCESS_CUT_ON_END_DATE:EOTSS:L-1", "EOTSS")))
                .partition));
        partitions.put(B, List.of());
        assertThatThrownBy(() -> withBDown.casePage(CaseIndexReaderTest.query(List.of(), null, null, 10)))
                .isInstanceOf(StoresUnavailableException.class);
    }

    static CaseView view(String caseId, String agency) {
        return view(caseId, agency, Instant.parse("2026-04-11T04:00:00Z"));
    }

    static CaseView view(String caseId, String agency, Instant due) {
        return new CaseView(caseId, Sle.ACCESS_CUT_ON_END_DATE, "P-" + caseId.hashCode(), agency, CaseStatus.MISSED,
                Instant.parse("2026-03-01T00:00:00Z"), due, null, LocalDate.of(2026, 4, 10), "America/New_York",
                "L-1");
    }

    static Compliance aggregate(String agency, long met, long missed) {
        return new Compliance(new ComplianceKey(Sle.ACCESS_CUT_ON_END_DATE, agency,
                new Period(Period.Kind.MONTH, LocalDate.of(2026, 4, 1))),
                new ComplianceCounts(met + missed, met, missed, 0, 0), 1.0, Instant.parse("2026-04-12T00:00:00Z"), 1);
    }
}
