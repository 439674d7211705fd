package dev.tenure.access.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may use the manual tasks, from the verified token's {@code groups} claim only: {@code provisioner} may act
 * (assign, reassign, done, errored) and read; {@code auditor} and {@code operator} may read.
 */
@RequestScoped
public class ProvisionerAccess {

    static final String PROVISIONER = "provisioner";

    @Inject
    JsonWebToken token;

    /** A 403 problem unless the caller may read tasks. */
    public Optional<Response> refuseUnlessReader(String what) {
        return GroupsClaim.refuseUnless(token, Set.of(PROVISIONER, OperatorAccess.AUDITOR, OperatorAccess.OPERATOR),
                what);
    }

    /** A 403 problem unless the caller is a provisioner. */
    public Optional<Response> refuseUnlessProvisioner(String what) {
        return GroupsClaim.refuseUnless(token, Set.of(PROVISIONER), what);
    }

    /** The caller, for the record of who did it: the token's upn, preferred_username or subject. */
    public String name() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
    }
}
