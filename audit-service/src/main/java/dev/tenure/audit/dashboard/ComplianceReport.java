package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.ComplianceCounts;
import dev.tenure.audit.sle.domain.Period;
import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.domain.SleSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each SLE's compliance against its target over the filtered periods: overall, per agency, and per period (the
 * trend). Compliance is {@code met / (met + missed)}, null while no case of the selection is decided.
 *
 * @param agencies every agency with aggregates of the period kind (for the page's agency filter), whatever the filter
 */
public record ComplianceReport(Period.Kind period, LocalDate from, LocalDate to, String agency, Instant asOf,
                               List<SleSummary> sles, List<String> agencies) {

    /** One SLE. {@code meetsTarget} is null while nothing is decided. */
    public record SleSummary(Sle sle, double target, ComplianceCounts counts, Double compliance, Boolean meetsTarget,
                             List<AgencySummary> byAgency, List<TrendPoint> trend) {
    }

    public record AgencySummary(String agency, ComplianceCounts counts, Double compliance, Boolean meetsTarget) {
    }

    public record TrendPoint(LocalDate periodStart, ComplianceCounts counts, Double compliance) {
    }

    /** The report of {@code aggregates} (every instance's) under {@code filter}; SLEs without cases are listed too. */
    public static ComplianceReport of(List<Compliance> aggregates, DashboardFilter filter, SleSettings settings,
                                      Instant asOf) {
        TreeSet<String> agencies = new TreeSet<>();
        Map<Sle, TreeMap<String, ComplianceCounts>> perAgency = new TreeMap<>();
        Map<Sle, TreeMap<LocalDate, ComplianceCounts>> perPeriod = new TreeMap<>();
        for (Compliance c : aggregates) {
            if (c.key().period().kind() != filter.kind()) {
                continue;
            }
            agencies.add(c.key().agency());
            if (!filter.matchesAgency(c.key().agency()) || !filter.matchesSle(c.key().sle())
                    || !filter.inRange(c.key().period().start())) {
                continue;
            }
            perAgency.computeIfAbsent(c.key().sle(), s -> new TreeMap<>())
                    .merge(c.key().agency(), c.counts(), ComplianceCounts::plus);
            perPeriod.computeIfAbsent(c.key().sle(), s -> new TreeMap<>())
                    .merge(c.key().period().start(), c.counts(), ComplianceCounts::plus);
        }
        List<SleSummary> sles = new ArrayList<>();
        for (Sle sle : Sle.values()) {
            if (!filter.matchesSle(sle)) {
                continue;
            }
            double target = settings.target(sle);
            List<AgencySummary> byAgency = new ArrayList<>();
            ComplianceCounts total = ComplianceCounts.NONE;
            for (var e : perAgency.getOrDefault(sle, new TreeMap<>()).entrySet()) {
                byAgency.add(new AgencySummary(e.getKey(), e.getValue(), compliance(e.getValue()),
                        meets(e.getValue(), target)));
                total = total.plus(e.getValue());
            }
            List<TrendPoint> trend = new ArrayList<>();
            perPeriod.getOrDefault(sle, new TreeMap<>()).forEach((start, counts) ->
                    trend.add(new TrendPoint(start, counts, compliance(counts))));
            sles.add(new SleSummary(sle, target, total, compliance(total), meets(total, target), byAgency, trend));
        }
        return new ComplianceReport(filter.kind(), filter.from(), filter.to(), filter.agency(), asOf, sles,
                List.copyOf(agencies));
    }

    static Double compliance(ComplianceCounts counts) {
        var value = counts.compliance();
        return value.isPresent() ? value.getAsDouble() : null;
    }

    static Boolean meets(ComplianceCounts counts, double target) {
        var value = counts.compliance();
        // A small tolerance: 99 met of 100 meets 0.99 although 99/100 is not exactly 0.99 in binary.
        return value.isPresent() ? value.getAsDouble() + 1e-9 >= target : null;
    }
}
