package dev.tenure.access.rest;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/** The verified token's {@code groups} claim, the only thing the REST API's access checks read. */
final class GroupsClaim {

    private static final Logger LOG = Logger.getLogger(GroupsClaim.class);

    private GroupsClaim() {
    }

    /** A 403 problem unless the token's groups (case-insensitive) include one of {@code allowed}. */
    static Optional<Response> refuseUnless(JsonWebToken token, Set<String> allowed, String what) {
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
