package dev.tenure.audit.dashboard;

import dev.tenure.audit.sle.domain.Period;
import dev.tenure.audit.sle.domain.Sle;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an analyst asks the dashboard for: one agency or all ({@code agency} null), weeks or months, and the periods
 * whose first day is in [{@code from}, {@code to}] (either end open when null); {@code sle} null for every SLE.
 */
public record DashboardFilter(String agency, Period.Kind kind, LocalDate from, LocalDate to, Sle sle) {

    private static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,63}");

    /** Parses the query parameters; every mistake is a {@link BadFilterException} naming the parameter. */
    public static DashboardFilter parse(String agency, String period, String from, String to, String sle) {
        String agencyValue = blankToNull(agency);
        if (agencyValue != null && !AGENCY.matcher(agencyValue).matches()) {
            throw new BadFilterException("agency", "agency must be an agency code (letters, digits, '.', '_', '-', "
                    + "space; at most 64), not '" + agencyValue + "'");
        }
        Period.Kind kind = Period.Kind.MONTH;
        if (blankToNull(period) != null) {
            try {
                kind = Period.Kind.valueOf(period.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadFilterException("period", "period must be WEEK or MONTH, not '" + period + "'");
            }
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadFilterException("from", "from (" + fromDate + ") must not be after to (" + toDate + ")");
        }
        Sle sleValue = null;
        if (blankToNull(sle) != null) {
            try {
                sleValue = Sle.valueOf(sle.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadFilterException("sle", "sle must be one of " + Arrays.toString(Sle.values())
                        + ", not '" + sle + "'");
            }
        }
        return new DashboardFilter(agencyValue, kind, fromDate, toDate, sleValue);
    }

    /** Whether a date (a period's first day, a case's effective date) is inside [from, to]. */
    public boolean inRange(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    public boolean matchesAgency(String candidate) {
        return agency == null || agency.equals(candidate);
    }

    public boolean matchesSle(Sle candidate) {
        return sle == null || sle == candidate;
    }

    private static LocalDate date(String parameter, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadFilterException(parameter, parameter + " must be an ISO date (2026-04-01), not '" + value
                    + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
