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
 * Who may use the manual tasks, from the verified token's {@code groups} claim only: {@code provisioner} may act
 * (assign, reassign, done, errored) and read; {@code auditor} and {@code operator} may read.
 */
@RequestScoped
public class ProvisionerAccess {

    private static final Logger LOG = Logger.getLogger(ProvisionerAccess.class);
    static final String PROVISIONER = "provisioner";

    @Inject
    JsonWebToken token;

    /** A 403 problem unless the caller may read tasks. */
    public Optional<Response> refuseUnlessReader(String what) {
        return refuseUnless(Set.of(PROVISIONER, OperatorAccess.AUDITOR, OperatorAccess.OPERATOR), what);
    }

    /** A 403 problem unless the caller is a provisioner. */
    public Optional<Response> refuseUnlessProvisioner(String what) {
        return refuseUnless(Set.of(PROVISIONER), what);
    }

    /** The caller, for the record of who did it: the token's upn, preferred_username or subject. */
    public String name() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
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
