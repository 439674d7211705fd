package dev.tenure.hr.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once every accepted event is known, so a resubmission is always recognised. */
@Readiness
@ApplicationScoped
public class LedgerReadiness implements HealthCheck {

    @Inject
    LedgerFeed feed;

    @Override
    public HealthCheckResponse call() {
        return feed.isCaughtUp()
                ? HealthCheckResponse.up("intake ledger")
                : HealthCheckResponse.named("intake ledger").down().withData("reason", feed.problem()).build();
    }
}
