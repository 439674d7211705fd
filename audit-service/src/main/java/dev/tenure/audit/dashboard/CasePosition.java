package dev.tenure.audit.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.streams.CaseIndex;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A case's place in the case list: its due time (epoch milliseconds, none last: {@link CaseIndex#dueKey}), then its
 * case id in code-point order (the byte order of its UTF-8, as the index stores it). As a cursor, the place a page
 * ended: the next page is what comes after it, whoever answers it, and it stays a place in the order when cases
 * change meanwhile.
 */
public record CasePosition(long due, String caseId) implements Comparable<CasePosition> {

    public static CasePosition of(CaseView view) {
        return new CasePosition(CaseIndex.dueKey(view.dueAt()), view.caseId());
    }

    /** Reads a cursor ({@link #cursor()}); a bad one is a {@link BadFilterException} of {@code parameter}. */
    public static CasePosition parse(String parameter, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            long due = Long.parseLong(text.substring(0, colon));
            String caseId = text.substring(colon + 1);
            if (due < 0 || due > CaseIndex.NO_DUE || caseId.isEmpty()) {
                throw new IllegalArgumentException(text);
            }
            return new CasePosition(due, caseId);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new BadFilterException(parameter, parameter + " must be the 'next' of a page of this list, not '"
                    + cursor + "'");
        }
    }

    /** This place as an opaque cursor (URL-safe). */
    @JsonIgnore
    public String cursor() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((due + ":" + caseId)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int compareTo(CasePosition other) {
        int byDue = Long.compare(due, other.due);
        return byDue != 0 ? byDue : compareCodePoints(caseId, other.caseId);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
