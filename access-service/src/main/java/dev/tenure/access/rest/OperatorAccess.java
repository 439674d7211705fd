package dev.tenure.access.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Who may use the executor's operator API, from the verified token's {@code groups} claim only: {@code operator} may
 * act (release the brake, replay dead letters) and read; {@code auditor} may read.
 */
@RequestScoped
public class OperatorAccess {

    private static final Logger LOG = Logger.getLogger(OperatorAccess.class);
    static final String OPERATOR = "operator";
    static final String AUDITOR = "auditor";

    @Inject
    JsonWebToken token;

    /** A 403 problem unless the caller may read. */
    public Optional<Response> refuseUnlessReader(String what) {
        return refuseUnless(Set.of(OPERATOR, AUDITOR), what);
    }

    /** A 403 problem unless the caller is an operator. */
    public Optional<Response> refuseUnlessOperator(String what) {
        return refuseUnless(Set.of(OPERATOR), what);
    }

    /** The caller's name for the record of who did what (the token's upn, preferred_username or subject). */
    public String name() {
        return token.getName();
    }

    private Optional<Response> refuseUnless(Set<String> allowed, String what) {
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups().stream()
                .map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (groups.stream().anyMatch(allowed::contains)) {
            return Optional.empty();
        }
        LOG.infof("refused (403): %s by %s, groups %s", what, token.getName(), groups);
        return Optional.of(Problems.forbidden("To " + what + " the token's groups must include "
                + String.join(" or ", allowed.stream().sorted().toList()) + "."));
    }
}
