package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.Compliance;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's whole-store reads — the scan of every aggregate for the compliance report, and this instance's
 * count of the cases of each case list query (its total) — shared by concurrent readers and reused for up to
 * {@code tenure.audit.dashboard.scan-max-age}, until the next change the change feed announces (see
 * {@link SharedScan}). Every caller is an authorized reader before it gets here, so one caller's read serves all. A
 * count is kept per query (its statuses and filters, not its cursor, page size or the moment it was asked: the at-risk
 * line of a count is the one of the request that made it, up to the max age old); past {@value #MAX_COUNTS} queries
 * the counts start again.
 */
@ApplicationScoped
public class DashboardScans {

    @Inject
    SleChangeFeed feed;

    @ConfigProperty(name = "tenure.audit.dashboard.scan-max-age")
    Duration maxAge;

    static final int MAX_COUNTS = 1000;

    private SharedScan<List<Compliance>> compliance;
    private final Map<Object, SharedScan<Long>> caseCounts = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent startup) {
        compliance = new SharedScan<>(maxAge, System::nanoTime);
        feed.changes().subscribe().with(change -> {
            compliance.invalidate();
            caseCounts.values().forEach(SharedScan::invalidate);
        });
    }

    /** This instance's count of {@code query}'s cases, shared: {@code count} runs when there is none to reuse. */
    long caseCount(CaseQuery query, LongSupplier count) {
        if (caseCounts.size() >= MAX_COUNTS) {
            caseCounts.clear();
        }
        return caseCounts.computeIfAbsent(query.countKey(), key -> new SharedScan<>(maxAge, System::nanoTime))
                .get(count::getAsLong);
    }

    List<Compliance> compliance(Supplier<List<Compliance>> scan) {
        return compliance.get(scan);
    }
}
