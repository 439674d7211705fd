package dev.tenure.audit.sle.domain;

import java.util.Objects;

/** One aggregate: one SLE, one agency, one week or month. Its text form is the sle-compliance record key. */
public record ComplianceKey(Sle sle, String agency, Period period) {

    public ComplianceKey {
        Objects.requireNonNull(sle, "sle");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(period, "period");
    }

    /** {@code <sle>:<agency>:<WEEK|MONTH>:<first day, ISO>}, e.g. {@code ACCESS_CUT_ON_END_DATE:EOTSS:MONTH:2026-03-01}. */
    public String asText() {
        return sle.name() + ":" + agency + ":" + period.kind().name() + ":" + period.start();
    }
}
