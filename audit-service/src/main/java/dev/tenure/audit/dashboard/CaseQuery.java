package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.CaseStatus;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.streams.CaseIndex;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Which cases an analyst lists, and which page of them: by status, where {@code AT_RISK} is a pending case not complete
 * yet whose due time is at or before {@code atRiskBy} (now plus the at-risk horizon, fixed once per request so every
 * instance draws the same line; a due time already passed counts too, while the punctuator has not decided it yet);
 * filtered by agency, SLE and effective date as the compliance report is; in the list's order ({@link CasePosition});
 * at most {@code limit} cases after the cursor {@code after} (null: from the start).
 */
public record CaseQuery(Set<Kind> kinds, DashboardFilter filter, Instant atRiskBy, CasePosition after, int limit) {

    /** What a listed case is. */
    public enum Kind {
        MISSED, AT_RISK, PENDING, MET, LATE_SUBMISSION
    }

    /** A range of the index to read: a bucket, up to a due time ({@code dueBy} null: all of it). */
    public record Scan(CaseIndex.Bucket bucket, Instant dueBy) {
    }

    public static final Set<Kind> DEFAULT_KINDS = EnumSet.of(Kind.MISSED, Kind.AT_RISK);

    public CaseQuery {
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(atRiskBy, "atRiskBy");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
    }

    /**
     * The query of request parameters; every mistake is a {@link BadFilterException} naming the parameter.
     *
     * @param limit a page size in [1, {@code maxLimit}], or blank for {@code defaultLimit}
     */
    public static CaseQuery parse(List<String> status, String agency, String sle, String from, String to,
                                  String after, String limit, int defaultLimit, int maxLimit, Instant atRiskBy) {
        return new CaseQuery(kinds(status), DashboardFilter.parse(agency, null, from, to, sle), atRiskBy,
                after == null || after.isBlank() ? null : CasePosition.parse("after", after),
                limit(limit, defaultLimit, maxLimit));
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

    /** Parses an instant parameter ({@code atRiskBy} between instances). */
    public static Instant instant(String parameter, String value) {
        try {
            return Instant.parse(Objects.requireNonNull(value, parameter).strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadFilterException(parameter, parameter + " must be an ISO instant (2026-04-01T00:00:00Z), not '"
                    + value + "'");
        }
    }

    /** Whether a case is at risk: pending, not complete, due (to the millisecond) at or before {@code by}. */
    public static boolean atRisk(CaseView c, Instant by) {
        return c.status() == CaseStatus.PENDING && c.completedAt() == null && c.dueAt() != null
                && CaseIndex.dueKey(c.dueAt()) <= CaseIndex.dueKey(by);
    }

    /** The ranges of the index that hold the cases of {@link #kinds}. */
    public List<Scan> scans() {
        List<Scan> scans = new ArrayList<>();
        if (kinds.contains(Kind.MISSED)) {
            scans.add(new Scan(CaseIndex.Bucket.MISSED, null));
        }
        if (kinds.contains(Kind.MET)) {
            scans.add(new Scan(CaseIndex.Bucket.MET, null));
        }
        if (kinds.contains(Kind.LATE_SUBMISSION)) {
            scans.add(new Scan(CaseIndex.Bucket.LATE_SUBMISSION, null));
        }
        if (kinds.contains(Kind.PENDING)) {
            scans.add(new Scan(CaseIndex.Bucket.PENDING_OPEN, null));
            scans.add(new Scan(CaseIndex.Bucket.PENDING_COMPLETE, null));
        } else if (kinds.contains(Kind.AT_RISK)) {
            scans.add(new Scan(CaseIndex.Bucket.PENDING_OPEN, atRiskBy));
        }
        return scans;
    }

    /**
     * Whether an entry of the scanned ranges passes the filters the ranges do not apply (SLE, effective date): its
     * value is read only when they are set.
     */
    public boolean matches(CaseIndex.Entry entry) {
        if (filter.sle() != null && !entry.isOf(filter.sle())) {
            return false;
        }
        if (filter.from() == null && filter.to() == null) {
            return true;
        }
        LocalDate effective = entry.effectiveDate();
        return effective == null || filter.inRange(effective);
    }

    /** What a count of this query's cases depends on: not the cursor, the page size nor the moment asked. */
    public Object countKey() {
        return List.of(kinds, filter);
    }

    /** Whether a case is one this query lists (a case read back after its index entry may have moved since). */
    public boolean matches(CaseView c) {
        return filter.matchesAgency(c.agency()) && filter.matchesSle(c.sle())
                && (c.effectiveDate() == null || filter.inRange(c.effectiveDate()))
                && (kinds.contains(kindOf(c.status())) || atRisk(c, atRiskBy) && kinds.contains(Kind.AT_RISK));
    }

    /** Whether a place in the order comes after the cursor. */
    public boolean isAfterCursor(CasePosition position) {
        return after == null || position.compareTo(after) > 0;
    }

    /** This query as the parameters of an instance's {@code case-page} (what {@link #parse} reads back). */
    public String toQueryString() {
        StringJoiner query = new StringJoiner("&");
        kinds.stream().sorted().forEach(kind -> query.add("status=" + kind));
        add(query, "agency", filter.agency());
        add(query, "sle", filter.sle() == null ? null : filter.sle().name());
        add(query, "from", filter.from() == null ? null : filter.from().toString());
        add(query, "to", filter.to() == null ? null : filter.to().toString());
        add(query, "atRiskBy", atRiskBy.toString());
        add(query, "after", after == null ? null : after.cursor());
        add(query, "limit", Integer.toString(limit));
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    private static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadFilterException("limit", "limit must be a page size from 1 to " + maxLimit + ", not '" + value
                + "'");
    }

    private static Kind kindOf(CaseStatus status) {
        return switch (status) {
            case MISSED -> Kind.MISSED;
            case MET -> Kind.MET;
            case LATE_SUBMISSION -> Kind.LATE_SUBMISSION;
            case PENDING -> Kind.PENDING;
        };
    }
}
