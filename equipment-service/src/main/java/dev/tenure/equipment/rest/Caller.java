package dev.tenure.equipment.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, from the verified token only: the {@code groups} claim says the role — {@code deskside} records steps
 * and reads, {@code auditor} reads — and the token's name is recorded as the actor of every step.
 */
@RequestScoped
public class Caller {

    public static final String DESKSIDE = "deskside";
    public static final String AUDITOR = "auditor";

    @Inject
    JsonWebToken token;

    public String name() {
        return token.getName();
    }

    public void requireDeskside() throws ForbiddenProblem {
        if (!roles().contains(DESKSIDE)) {
            throw new ForbiddenProblem("recording a step needs the deskside role"
                    + (roles().contains(AUDITOR) ? "; an auditor reads only" : ""));
        }
    }

    public void requireReader() throws ForbiddenProblem {
        if (!roles().contains(DESKSIDE) && !roles().contains(AUDITOR)) {
            throw new ForbiddenProblem("reading equipment needs the deskside or auditor role");
        }
    }

    private Set<String> roles() {
        return token.getGroups().stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** 403: the token is valid but its role does not allow this. */
    public static class ForbiddenProblem extends Exception {
        public ForbiddenProblem(String reason) {
            super(reason);
        }
    }
}
