package dev.tenure.audit.sle.streams;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Sle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys of the index of cases by status, agency and due time ({@link SleTopology#CASE_INDEX_STORE}), which the
 * compliance processor keeps next to the case store, so that a page of the dashboard's case list is a range scan, not
 * a filter over every case. Each case has two entries:
 * <pre>
 * A|&lt;bucket&gt;|&lt;due&gt;|&lt;case id&gt;            every agency
 * G|&lt;agency&gt;|&lt;bucket&gt;|&lt;due&gt;|&lt;case id&gt;   one agency ('%' and '|' in it written %25 and %7C)
 * </pre>
 * where the bucket is where the case stands ({@link Bucket}) and the due time is in epoch milliseconds, 15 digits
 * (none: {@value #NO_DUE}, last), so within one bucket (and agency) the store's byte order is the list's order: due
 * time, then case id. The value is {@code <SLE>|<effective date or empty>}, what a query filters on besides.
 *
 * <p>{@link #VERSION_KEY} holds the version of this format once every case of the store is in the index; an index
 * without it (a new store beside existing cases) is rebuilt from the case store before it is read.
 */
public final class CaseIndex {

    /** Where a case stands, as the list asks for it: AT_RISK is the front of PENDING_OPEN, up to a due time. */
    public enum Bucket {
        MISSED, MET, LATE_SUBMISSION,
        /** Pending and not complete yet: at risk as its due time comes near. */
        PENDING_OPEN,
        /** Pending, complete before its due time: it will be met. */
        PENDING_COMPLETE
    }

    /** An index entry read back: its place in the order, and its value, read only when a query filters on it. */
    public record Entry(long due, String caseId, String value) {

        /** Whether the case is of {@code sle}. */
        public boolean isOf(Sle sle) {
            return value.startsWith(sle.name()) && value.length() > sle.name().length()
                    && value.charAt(sle.name().length()) == SEPARATOR;
        }

        /** The case's effective date, or null. */
        public LocalDate effectiveDate() {
            String date = value.substring(value.indexOf(SEPARATOR) + 1);
            return date.isEmpty() ? null : LocalDate.parse(date);
        }
    }

    /** What one case change does to the index: keys to delete, entries to put. */
    record Change(List<String> removed, Map<String, String> added) {
        boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty();
        }
    }

    public static final String VERSION_KEY = "~version";
    public static final String VERSION = "1";
    /** The due key of a case with no due time: after every other. */
    public static final long NO_DUE = 999_999_999_999_999L;

    private static final String ALL = "A|";
    private static final String ONE = "G|";
    private static final char SEPARATOR = '|';

    private CaseIndex() {
    }

    public static Bucket bucketOf(CaseView view) {
        return switch (view.status()) {
            case MISSED -> Bucket.MISSED;
            case MET -> Bucket.MET;
            case LATE_SUBMISSION -> Bucket.LATE_SUBMISSION;
            case PENDING -> view.completedAt() == null ? Bucket.PENDING_OPEN : Bucket.PENDING_COMPLETE;
        };
    }

    /** The order key of a due time: epoch milliseconds in [0, NO_DUE), none = {@link #NO_DUE}. */
    public static long dueKey(Instant due) {
        return due == null ? NO_DUE : Math.min(NO_DUE - 1, Math.max(0, due.toEpochMilli()));
    }

    /** The prefix of one bucket's entries: of every agency ({@code agency} null) or of one. */
    public static String prefix(Bucket bucket, String agency) {
        return agency == null ? ALL + bucket.name() + SEPARATOR
                : ONE + escape(agency) + SEPARATOR + bucket.name() + SEPARATOR;
    }

    /** The first key after every entry under {@code prefix} (a range bound, itself never a key). */
    public static String endOf(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (SEPARATOR + 1);
    }

    /** The first key after every entry under {@code prefix} due at or before {@code due}. */
    public static String endOfDueBy(String prefix, Instant due) {
        return prefix + digits(dueKey(due) + 1);
    }

    /** The key of a case's entry under {@code prefix}: a place to start a range at (a cursor). */
    public static String keyAt(String prefix, long due, String caseId) {
        return prefix + digits(due) + SEPARATOR + caseId;
    }

    /** Reads an entry found under {@code prefix}. */
    public static Entry parse(String prefix, String key, String value) {
        if (!key.startsWith(prefix) || key.length() < prefix.length() + 17
                || key.charAt(prefix.length() + 15) != SEPARATOR) {
            throw new IllegalArgumentException("not an index entry under " + prefix + ": " + key);
        }
        return new Entry(Long.parseLong(key, prefix.length(), prefix.length() + 15, 10),
                key.substring(prefix.length() + 16), value);
    }

    /** The entries of a case (none for no case). */
    public static Map<String, String> entries(CaseView view) {
        if (view == null) {
            return Map.of();
        }
        Bucket bucket = bucketOf(view);
        long due = dueKey(view.dueAt());
        String value = view.sle().name() + SEPARATOR + (view.effectiveDate() == null ? "" : view.effectiveDate());
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(keyAt(prefix(bucket, null), due, view.caseId()), value);
        entries.put(keyAt(prefix(bucket, view.agency()), due, view.caseId()), value);
        return entries;
    }

    /** What replacing a case's {@code before} (null: none) with {@code after} (null: withdrawn) does to the index. */
    static Change change(CaseView before, CaseView after) {
        Map<String, String> old = entries(before);
        Map<String, String> now = entries(after);
        List<String> removed = old.keySet().stream().filter(key -> !now.containsKey(key)).toList();
        Map<String, String> added = new LinkedHashMap<>();
        now.forEach((key, value) -> {
            if (!Objects.equals(old.get(key), value)) {
                added.put(key, value);
            }
        });
        return new Change(removed, added);
    }

    private static String digits(long due) {
        return String.format("%015d", due);
    }

    private static String escape(String agency) {
        return agency.replace("%", "%25").replace("|", "%7C");
    }
}
