package dev.tenure.hr.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the raw values of one submission (whatever a JSON parser or the CSV reader produced) into typed, normalised
 * values, keeping the first problem of each field. A blank string or an empty list is an absent field.
 */
final class FieldReader {

    static final int MAX_TEXT = 200;
    static final int MAX_ID = 64;
    static final int MAX_LIST = 16;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static final String ID_SHAPE = "must be 1 to 64 characters of A-Z a-z 0-9 . _ -";

    private final Map<SubmissionField, Object> raw;
    private final Map<SubmissionField, String> errors = new EnumMap<>(SubmissionField.class);

    FieldReader(Map<SubmissionField, Object> raw) {
        this.raw = raw;
    }

    Set<SubmissionField> fields() {
        return raw.keySet();
    }

    boolean isPresent(SubmissionField field) {
        if (!raw.containsKey(field)) {
            return false;
        }
        Object value = raw.get(field);
        if (value instanceof String text) {
            return !text.isBlank();
        }
        return !(value instanceof List<?> list && list.isEmpty());
    }

    void reject(SubmissionField field, String reason) {
        errors.putIfAbsent(field, reason);
    }

    boolean hasError(SubmissionField field) {
        return errors.containsKey(field);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<FieldError> errors() {
        List<FieldError> list = new ArrayList<>(errors.size());
        errors.forEach((field, reason) -> list.add(new FieldError(field.wireName(), reason)));
        return list;
    }

    /** Free text (a name, a department): at most 200 characters, not a spreadsheet formula. */
    Optional<String> text(SubmissionField field) {
        String text = string(field, MAX_TEXT);
        if (text != null && TextRules.startsLikeFormula(text)) {
            return refuse(field, TextRules.FORMULA);
        }
        return Optional.ofNullable(text);
    }

    /** A person id: [A-Za-z0-9._-]{1,64}, not starting like a formula. */
    Optional<String> id(SubmissionField field) {
        String id = string(field, MAX_ID);
        if (id == null) {
            return Optional.empty();
        } else if (TextRules.hasZeroWidth(id)) {
            return refuse(field, TextRules.ZERO_WIDTH);
        } else if (TextRules.startsLikeFormula(id)) {
            return refuse(field, TextRules.FORMULA);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return refuse(field, ID_SHAPE);
            }
        }
        return Optional.of(id);
    }

    /** A short code compared against a closed set by the caller (an agency). */
    Optional<String> code(SubmissionField field) {
        return Optional.ofNullable(string(field, MAX_ID));
    }

    Optional<UUID> uuid(SubmissionField field) {
        String text = string(field, MAX_ID);
        if (text == null) {
            return Optional.empty();
        } else if (!isUuidShape(text)) {
            return refuse(field, "must be a UUID (8-4-4-4-12 hex digits)");
        }
        UUID uuid = UUID.fromString(text);
        if (uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0) {
            return refuse(field, "must not be the nil UUID");
        }
        return Optional.of(uuid);
    }

    Optional<LocalDate> date(SubmissionField field) {
        String text = string(field, MAX_ID);
        if (text == null) {
            return Optional.empty();
        } else if (!isIsoDateShape(text)) {
            return refuse(field, "must be an ISO date yyyy-MM-dd");
        }
        LocalDate date;
        try {
            date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            return refuse(field, "is not a calendar date");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            return refuse(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return Optional.of(date);
    }

    Optional<ZoneId> zone(SubmissionField field) {
        String text = string(field, MAX_ID);
        if (text == null) {
            return Optional.empty();
        } else if (TimeZones.looksLikeOffset(text)) {
            return refuse(field, TimeZones.OFFSET);
        }
        Optional<ZoneId> zone = TimeZones.find(text);
        if (zone.isPresent()) {
            return zone;
        }
        return refuse(field, TimeZones.isAbbreviation(text) ? TimeZones.ABBREVIATION : TimeZones.UNKNOWN);
    }

    <E extends Enum<E>> Optional<E> oneOf(SubmissionField field, EnumValues<E> values) {
        String text = string(field, MAX_ID);
        if (text == null) {
            return Optional.empty();
        }
        Optional<E> value = values.find(text);
        return value.isPresent() ? value : refuse(field, "must be one of " + values.names());
    }

    Optional<String> email(SubmissionField field) {
        Optional<String> text = text(field);
        if (text.isPresent() && !isEmailShape(text.get())) {
            return refuse(field, "must be an email address like name@example.org");
        }
        return text;
    }

    /** A boolean, or the string "true" / "false" (any case) as CSV gives it; absent is false. */
    boolean flag(SubmissionField field) {
        if (!isPresent(field) || hasError(field)) {
            return false;
        }
        Object value = raw.get(field);
        if (value instanceof Boolean bool) {
            return bool;
        } else if (value instanceof String text) {
            String stripped = text.strip();
            if (stripped.equalsIgnoreCase("true") || stripped.equalsIgnoreCase("false")) {
                return stripped.equalsIgnoreCase("true");
            }
            reject(field, "must be a boolean (true or false)");
            return false;
        }
        reject(field, "must be a boolean, not " + JsonKinds.describe(value));
        return false;
    }

    /** A JSON array of strings naming constants, deduplicated and in the enum's order; absent is empty. */
    <E extends Enum<E>> List<E> listOf(SubmissionField field, EnumValues<E> values) {
        if (!isPresent(field) || hasError(field)) {
            return List.of();
        }
        Object value = raw.get(field);
        if (!(value instanceof List<?> list)) {
            reject(field, "must be an array of strings, not " + JsonKinds.describe(value));
            return List.of();
        } else if (list.size() > MAX_LIST) {
            reject(field, "must have at most " + MAX_LIST + " entries");
            return List.of();
        }
        Set<E> found = EnumSet.noneOf(values.type());
        for (Object element : list) {
            if (!(element instanceof String text)) {
                reject(field, "must be an array of strings, not contain " + JsonKinds.describe(element));
                return List.of();
            }
            String checked = checked(field, text, MAX_ID);
            if (checked == null) {
                return List.of();
            } else if (checked.isEmpty()) {
                reject(field, "must not contain empty entries");
                return List.of();
            }
            Optional<E> constant = values.find(checked);
            if (constant.isEmpty()) {
                reject(field, "may only contain " + values.names());
                return List.of();
            }
            found.add(constant.get());
        }
        return List.copyOf(found);
    }

    /** A present, error-free string value of at most maxLength code points, stripped and NFC-normalised; or null. */
    private String string(SubmissionField field, int maxLength) {
        if (!isPresent(field) || hasError(field)) {
            return null;
        }
        Object value = raw.get(field);
        if (!(value instanceof String text)) {
            reject(field, "must be a string, not " + JsonKinds.describe(value));
            return null;
        }
        return checked(field, text, maxLength);
    }

    private String checked(SubmissionField field, String text, int maxLength) {
        if (text.length() > 4 * maxLength + 16) {
            reject(field, tooLong(maxLength));
            return null;
        }
        String problem = TextRules.hostileContent(text);
        if (problem != null) {
            reject(field, problem);
            return null;
        }
        String normalized = TextRules.normalize(text);
        if (normalized.length() > maxLength && TextRules.length(normalized) > maxLength) {
            reject(field, tooLong(maxLength));
            return null;
        }
        return normalized;
    }

    private static String tooLong(int maxLength) {
        return "must be at most " + maxLength + " characters";
    }

    private <T> Optional<T> refuse(SubmissionField field, String reason) {
        reject(field, reason);
        return Optional.empty();
    }

    private static boolean isUuidShape(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = (i == 8 || i == 13 || i == 18 || i == 23)
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIsoDateShape(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private static boolean isEmailShape(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || text.length() > 254) {
            return false;
        }
        String domain = text.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        if (dot <= 0 || dot == domain.length() - 1 || domain.startsWith("-") || domain.contains("..")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || "<>()[],;:\\\"".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
