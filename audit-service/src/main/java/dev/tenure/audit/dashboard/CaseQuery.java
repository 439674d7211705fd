package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseStatus;
import dev.tenure.audit.sle.domain.CaseView;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which cases an analyst lists: by status, where {@code AT_RISK} is a pending case not complete yet whose due time
 * is within {@code horizon} of now (or already passed, while the punctuator has not decided it yet); filtered by
 * agency, SLE and effective date as the compliance report is.
 */
public final class CaseQuery {

    /** What a listed case is. */
    public enum Kind {
        MISSED, AT_RISK, PENDING, MET, LATE_SUBMISSION
    }

    /** A case as the dashboard lists it. */
    public record CaseRow(CaseView view, boolean atRisk) {
    }

    public static final Set<Kind> DEFAULT_KINDS = EnumSet.of(Kind.MISSED, Kind.AT_RISK);

    private CaseQuery() {
    }

    /** Parses {@code status} parameters (repeated or comma-separated); none means MISSED and AT_RISK. */
    public static Set<Kind> kinds(List<String> values) {
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    kinds.add(Kind.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new BadFilterException("status", "status must be one of " + Arrays.toString(Kind.values())
                            + ", not '" + part.strip() + "'");
                }
            }
        }
        return kinds.isEmpty() ? DEFAULT_KINDS : kinds;
    }

    public static boolean atRisk(CaseView c, Instant now, Duration horizon) {
        return c.status() == CaseStatus.PENDING && c.completedAt() == null && c.dueAt() != null
                && !c.dueAt().isAfter(now.plus(horizon));
    }

    /** The cases of {@code kinds} under {@code filter}, the most urgent first (earliest due). */
    public static List<CaseRow> select(List<CaseView> cases, Set<Kind> kinds, DashboardFilter filter, Instant now,
                                       Duration horizon) {
        return cases.stream()
                .filter(c -> filter.matchesAgency(c.agency()) && filter.matchesSle(c.sle())
                        && (c.effectiveDate() == null || filter.inRange(c.effectiveDate())))
                .map(c -> new CaseRow(c, atRisk(c, now, horizon)))
                .filter(row -> kinds.contains(kindOf(row)) || row.atRisk() && kinds.contains(Kind.AT_RISK))
                .sorted(Comparator.comparing((CaseRow row) -> row.view().dueAt(),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(row -> row.view().caseId()))
                .toList();
    }

    private static Kind kindOf(CaseRow row) {
        return switch (row.view().status()) {
            case MISSED -> Kind.MISSED;
            case MET -> Kind.MET;
            case LATE_SUBMISSION -> Kind.LATE_SUBMISSION;
            case PENDING -> Kind.PENDING;
        };
    }
}
