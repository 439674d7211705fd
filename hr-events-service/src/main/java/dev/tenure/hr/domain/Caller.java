package dev.tenure.hr.domain;

import java.util.Objects;
import java.util.Optional;

/** Who calls the intake: the authenticated principal, its role and, for a DPC or DSO, the agency it acts for. */
public record Caller(String principal, Role role, Optional<String> agency) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agency, "agency");
    }
}
