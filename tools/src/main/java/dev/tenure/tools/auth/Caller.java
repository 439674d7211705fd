package dev.tenure.tools.auth;

import java.util.List;
import java.util.Objects;

/**
 * Who a token speaks for: the principal ({@code sub}), its groups ({@code hris}, {@code dpc},
 * {@code dso}, {@code auditor}) and, for a coordinator or DSO, the agency it acts for.
 */
public record Caller(String subject, List<String> groups, String agency) {

    public static final String HRIS = "hris";
    public static final String DPC = "dpc";
    public static final String DSO = "dso";
    public static final String AUDITOR = "auditor";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a caller needs at least one group");
        }
        if ((groups.contains(DPC) || groups.contains(DSO)) && (agency == null || agency.isBlank())) {
            throw new IllegalArgumentException("a " + DPC + " or " + DSO + " caller needs an agency");
        }
    }

    public static Caller hris(String principal) {
        return new Caller(principal, List.of(HRIS), null);
    }

    public static Caller coordinator(String principal, String agency) {
        return new Caller(principal, List.of(DPC), agency);
    }

    public static Caller dso(String principal, String agency) {
        return new Caller(principal, List.of(DSO), agency);
    }

    public static Caller auditor(String principal) {
        return new Caller(principal, List.of(AUDITOR), null);
    }
}
