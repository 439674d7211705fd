package dev.tenure.audit.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/** Who may read the audit log: the verified token's {@code groups} claim must hold {@code auditor}. */
@RequestScoped
public class AuditorAccess {

    static final String AUDITOR = "auditor";
    private static final Logger LOG = Logger.getLogger(AuditorAccess.class);

    @Inject
    JsonWebToken token;

    /** A 403 problem unless the caller is an auditor. */
    Optional<Response> refuseUnlessAuditor(String what) {
        boolean auditor = token.getGroups().stream().anyMatch(g -> g.toLowerCase(Locale.ROOT).equals(AUDITOR));
        if (auditor) {
            LOG.infof("%s: %s", token.getName(), what);
            return Optional.empty();
        }
        LOG.infof("refused (403) to %s: %s", token.getName(), what);
        return Optional.of(Problems.of(403, "forbidden", "reading the audit log needs the auditor role"));
    }
}
