package dev.tenure.audit.sle.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;

/** A week (ISO: Monday to Sunday) or a calendar month, named by its first day. */
public record Period(Kind kind, LocalDate start) {

    /** The length of a period. */
    public enum Kind {
        WEEK,
        MONTH
    }

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
    }

    /** The week or month {@code date} is in. */
    public static Period of(Kind kind, LocalDate date) {
        return switch (kind) {
            case WEEK -> new Period(kind, date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case MONTH -> new Period(kind, date.withDayOfMonth(1));
        };
    }

    /** Both periods {@code date} is counted in. */
    public static List<Period> containing(LocalDate date) {
        return List.of(of(Kind.WEEK, date), of(Kind.MONTH, date));
    }
}
