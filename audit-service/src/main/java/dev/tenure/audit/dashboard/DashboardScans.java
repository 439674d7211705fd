package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's whole-store scans (every case, every aggregate), shared by concurrent readers and reused for up to
 * {@code tenure.audit.dashboard.scan-max-age}, until the next change the change feed announces (see
 * {@link SharedScan}). Every caller is an authorized reader before it gets here, so one caller's scan serves all.
 */
@ApplicationScoped
public class DashboardScans {

    @Inject
    SleChangeFeed feed;

    @ConfigProperty(name = "tenure.audit.dashboard.scan-max-age")
    Duration maxAge;

    private SharedScan<List<CaseView>> cases;
    private SharedScan<List<Compliance>> compliance;

    void start(@Observes StartupEvent startup) {
        cases = new SharedScan<>(maxAge, System::nanoTime);
        compliance = new SharedScan<>(maxAge, System::nanoTime);
        feed.changes().subscribe().with(change -> {
            cases.invalidate();
            compliance.invalidate();
        });
    }

    List<CaseView> cases(Supplier<List<CaseView>> scan) {
        return cases.get(scan);
    }

    List<Compliance> compliance(Supplier<List<Compliance>> scan) {
        return compliance.get(scan);
    }
}
