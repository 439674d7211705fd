package dev.tenure.hr.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Logs every 401 (no or bad token, refused before any resource runs) with method and path only:
 * no token, no body, no personal data. 403s are logged where they are decided.
 */
@ApplicationScoped
public class RefusalLog {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class);

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() == 401) {
                    LOG.infof("refused (401): %s %s without a valid token", context.request().method(),
                            context.normalizedPath());
                }
            });
            context.next();
        }, 100);
    }
}
