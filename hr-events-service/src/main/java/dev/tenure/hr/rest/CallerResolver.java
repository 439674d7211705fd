package dev.tenure.hr.rest;

import dev.tenure.hr.domain.Caller;
import dev.tenure.hr.domain.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified bearer token only (never from a header the caller sets):
 * the role from the {@code groups} claim (hris, dpc, dso or auditor) and, for a coordinator or a
 * security officer, the agency from the {@code agency} claim.
 */
@RequestScoped
public class CallerResolver {

    public static final String AGENCY_CLAIM = "agency";

    @Inject
    JsonWebToken token;

    /** The caller, or why the token does not make one. */
    public Optional<Caller> caller() {
        List<Role> roles = token.getGroups().stream()
                .map(group -> group.toUpperCase(Locale.ROOT))
                .filter(group -> List.of("HRIS", "DPC", "DSO", "AUDITOR").contains(group))
                .map(Role::valueOf)
                .distinct()
                .toList();
        if (roles.size() != 1) {
            return Optional.empty();
        }
        Optional<String> agency = Optional.ofNullable(token.<String>getClaim(AGENCY_CLAIM)).filter(a -> !a.isBlank());
        if ((roles.get(0) == Role.DPC || roles.get(0) == Role.DSO) && agency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(token.getName(), roles.get(0), agency));
    }

    static final String NO_ROLE = "the token must carry exactly one Tenure role (hris, dpc, dso, auditor) "
            + "and, for dpc and dso, an agency claim";
}
