package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the read model needs of the running SLE topology: where a store key lives, which instances hold part of a
 * store, and this instance's own part. {@link KafkaSleInstances} answers from Kafka Streams; tests use fakes.
 * Every method may throw {@link StoresUnavailableException} while the stores are not queryable (starting,
 * rebalancing).
 */
public interface SleInstances {

    /** This instance, as it is advertised to the others ({@code application.server}). */
    HostInfo self();

    /** The instance whose task holds {@code key} of {@code store}. */
    HostInfo ownerOf(String store, String key);

    /** Every instance that holds part of {@code store}. */
    Collection<HostInfo> holdersOf(String store);

    /** This instance's copy of a case, if it holds it. */
    Optional<CaseView> localCase(String caseId);

    /** The page of the case list from this instance's own partitions (its part of a page of all). */
    CasePage localCasePage(CaseQuery query);

    /** Every aggregate this instance holds. */
    List<Compliance> localCompliance();
}
