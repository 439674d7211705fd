package dev.tenure.access.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may use the executor's operator API, from the verified token's {@code groups} claim only: {@code operator} may
 * act (release the brake, replay dead letters) and read; {@code auditor} may read.
 */
@RequestScoped
public class OperatorAccess {

    static final String OPERATOR = "operator";
    static final String AUDITOR = "auditor";

    @Inject
    JsonWebToken token;

    /** A 403 problem unless the caller may read. */
    public Optional<Response> refuseUnlessReader(String what) {
        return GroupsClaim.refuseUnless(token, Set.of(OPERATOR, AUDITOR), what);
    }

    /** A 403 problem unless the caller is an operator. */
    public Optional<Response> refuseUnlessOperator(String what) {
        return GroupsClaim.refuseUnless(token, Set.of(OPERATOR), what);
    }

    /** The caller's name for the record of who did what (the token's upn, preferred_username or subject). */
    public String name() {
        return token.getName();
    }
}
