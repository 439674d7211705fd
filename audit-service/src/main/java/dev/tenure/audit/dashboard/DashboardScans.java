package dev.tenure.audit.dashboard;

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
 * The dashboard's whole-store scan (every aggregate, for the compliance report), shared by concurrent readers and
 * reused for up to {@code tenure.audit.dashboard.scan-max-age}, until the next change the change feed announces (see
 * {@link SharedScan}). Every caller is an authorized reader before it gets here, so one caller's scan serves all. (The
 * case list reads pages of the case index instead: {@link CaseIndexReader}.)
 */
@ApplicationScoped
public class DashboardScans {

    @Inject
    SleChangeFeed feed;

    @ConfigProperty(name = "tenure.audit.dashboard.scan-max-age")
    Duration maxAge;

    private SharedScan<List<Compliance>> compliance;

    void start(@Observes StartupEvent startup) {
        compliance = new SharedScan<>(maxAge, System::nanoTime);
        feed.changes().subscribe().with(change -> compliance.invalidate());
    }

    List<Compliance> compliance(Supplier<List<Compliance>> scan) {
        return compliance.get(scan);
    }
}
