package dev.tenure.hr.domain;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IANA region ids a person's zone may be (America/New_York, Europe/Paris, UTC), found case-insensitively.
 * Raw offsets (+05:00, Z, UTC+5) and the fixed-offset Etc/GMT±N zones are not regions, so they are refused; so are
 * legacy abbreviations and names such as EST or MST, which Java reads as fixed offsets without daylight saving time
 * (a New York leaver entered as "EST" would lose access an hour late all summer).
 */
final class TimeZones {

    static final String OFFSET = "must be an IANA region id like America/New_York, not an offset";
    static final String ABBREVIATION =
            "must be an IANA region id like America/New_York, not an abbreviation or legacy name";
    static final String UNKNOWN = "is not a known IANA time zone (like America/New_York)";

    private static final Map<String, ZoneId> BY_ID = new HashMap<>();
    private static final Map<String, ZoneId> BY_LOWER_CASE_ID = new HashMap<>();
    private static final Set<String> LOWER_CASE_ABBREVIATIONS = new HashSet<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (isRegion(id)) {
                BY_ID.put(id, ZoneId.of(id));
                BY_LOWER_CASE_ID.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
            } else {
                LOWER_CASE_ABBREVIATIONS.add(id.toLowerCase(Locale.ROOT));
            }
        }
        ZoneId.SHORT_IDS.keySet().forEach(id -> LOWER_CASE_ABBREVIATIONS.add(id.toLowerCase(Locale.ROOT)));
    }

    private TimeZones() {}

    static Optional<ZoneId> find(String id) {
        ZoneId exact = BY_ID.get(id);
        return exact != null
                ? Optional.of(exact)
                : Optional.ofNullable(BY_LOWER_CASE_ID.get(id.toLowerCase(Locale.ROOT)));
    }

    /** A name Java knows that is not a region: EST, PST, MST7MDT, Cuba. */
    static boolean isAbbreviation(String id) {
        return LOWER_CASE_ABBREVIATIONS.contains(id.toLowerCase(Locale.ROOT));
    }

    static boolean looksLikeOffset(String id) {
        if (BY_ID.containsKey(id)) {
            return false;
        }
        String upper = id.toUpperCase(Locale.ROOT);
        return upper.startsWith("+")
                || upper.startsWith("-")
                || upper.equals("Z")
                || isSignedAfter(upper, "UTC")
                || isSignedAfter(upper, "UT")
                || isSignedGmt(upper);
    }

    private static boolean isRegion(String id) {
        return (id.indexOf('/') > 0 || id.equals("UTC")) && !isSignedGmt(id);
    }

    private static boolean isSignedGmt(String id) {
        int gmt = id.toUpperCase(Locale.ROOT).indexOf("GMT");
        return gmt >= 0 && isSignedAt(id, gmt + 3);
    }

    private static boolean isSignedAfter(String upper, String prefix) {
        return upper.startsWith(prefix) && isSignedAt(upper, prefix.length());
    }

    private static boolean isSignedAt(String text, int index) {
        return text.length() > index && (text.charAt(index) == '+' || text.charAt(index) == '-');
    }
}
