package dev.tenure.hr.domain;

import java.text.Normalizer;

/** The rules every submitted string obeys, whatever its field: hostile characters, trimming, NFC, formulas. */
final class TextRules {

    static final String FORMULA = "must not start with =, +, -, @, tab or CR (spreadsheet formula)";
    static final String CONTROL = "must not contain control characters";
    static final String BIDI = "must not contain bidirectional override or isolate characters";
    static final String BROKEN_UNICODE = "must be valid Unicode text";
    static final String ZERO_WIDTH = "must not contain zero-width characters";

    private TextRules() {}

    /** The first problem no field tolerates (control, bidi, unpaired surrogate, leading tab or CR), or null. */
    static String hostileContent(String raw) {
        if (!raw.isEmpty() && (raw.charAt(0) == '\t' || raw.charAt(0) == '\r')) {
            return FORMULA;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == 0x7f) {
                    return CONTROL;
                }
            } else if (c <= 0x9f || c == '\u2028' || c == '\u2029') {
                return CONTROL;
            } else if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                return BIDI;
            } else if (Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return BROKEN_UNICODE;
            }
        }
        return null;
    }

    /** Surrounding white space removed, and NFC-normalised (Zoë typed as e + combining diaeresis becomes ë). */
    static String normalize(String raw) {
        String stripped = raw.strip();
        for (int i = 0; i < stripped.length(); i++) {
            if (stripped.charAt(i) >= 0x300) {
                return Normalizer.isNormalized(stripped, Normalizer.Form.NFC)
                        ? stripped
                        : Normalizer.normalize(stripped, Normalizer.Form.NFC);
            }
        }
        return stripped;
    }

    /** Starts with what a spreadsheet would evaluate as a formula. */
    static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    static boolean hasZeroWidth(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u200b' && c <= '\u200d') || c == '\u2060' || c == '\ufeff') {
                return true;
            }
        }
        return false;
    }

    /** Length in code points, so an emoji counts as one character. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
