package dev.tenure.audit.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/** Who may read the SLE dashboard: the verified token's {@code groups} claim must hold {@code analyst} or {@code auditor}. */
@RequestScoped
public class AnalystAccess {

    static final Set<String> READERS = Set.of("analyst", "auditor");
    private static final Logger LOG = Logger.getLogger(AnalystAccess.class);

    @Inject
    JsonWebToken token;

    /** A 403 problem unless the caller is an analyst or an auditor. */
    Optional<jakarta.ws.rs.core.Response> refuseUnlessReader(String what) {
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        if (groups.stream().map(g -> g.toLowerCase(Locale.ROOT)).anyMatch(READERS::contains)) {
            return Optional.empty();
        }
        LOG.infof("refused (403) to %s: %s", token.getName(), what);
        return Optional.of(DashboardProblems.of(403, "forbidden",
                "To " + what + " the token's groups must include analyst or auditor."));
    }
}
