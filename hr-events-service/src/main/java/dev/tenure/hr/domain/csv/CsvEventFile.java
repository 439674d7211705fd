package dev.tenure.hr.domain.csv;

import dev.tenure.hr.domain.Excerpt;
import dev.tenure.hr.domain.SubmissionField;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV bulk import of lifecycle events, parsed into rows for {@link CsvImportValidator}.
 *
 * <h2>Format</h2>
 * UTF-8 text (a leading byte order mark is ignored), RFC 4180: cells separated by commas, rows by CRLF or LF; a cell
 * holding a comma, a double quote or a line break is enclosed in double quotes, a quote inside it doubled
 * ({@code "Smith, ""Jr."""}). Blank lines and rows whose cells are all empty are skipped. At most 100,000 data rows
 * and 16,384 characters per row by default ({@link CsvLimits}).
 *
 * <h2>Header</h2>
 * The first row names the columns, in any order, with exactly the field names of the JSON format (case-sensitive).
 * Only the columns a file needs are present; {@code eventId, type, personId, agency, effectiveDate, timeZone} always
 * are. An unknown or repeated column rejects the file. An empty cell is an absent field.
 *
 * <h2>Columns</h2>
 * <table>
 * <caption>Columns (fields) and the event types they belong to</caption>
 * <tr><th>column</th><th>value</th><th>types</th></tr>
 * <tr><td>eventId</td><td>UUID, the idempotency key; unique within the file</td><td>all, required</td></tr>
 * <tr><td>type</td><td>JOINER, MOVER, LEAVER, START_DATE_CHANGED, END_DATE_CHANGED, JOINER_CANCELLED,
 *     LEAVER_CANCELLED, REHIRE, VPN_ACCESS</td><td>all, required</td></tr>
 * <tr><td>personId</td><td>1–64 of {@code A-Z a-z 0-9 . _ -}</td><td>all, required</td></tr>
 * <tr><td>agency</td><td>a known agency code; for a transfer, the receiving agency</td><td>all, required</td></tr>
 * <tr><td>effectiveDate</td><td>yyyy-MM-dd: start, move, end or new date; for a cancellation the date of the
 *     cancelled event</td><td>all, required</td></tr>
 * <tr><td>timeZone</td><td>IANA region id, e.g. America/New_York (no offsets)</td><td>all, required</td></tr>
 * <tr><td>givenName, familyName</td><td>text</td><td>JOINER, REHIRE: required</td></tr>
 * <tr><td>preferredName</td><td>text</td><td>JOINER, REHIRE</td></tr>
 * <tr><td>department, jobCode, jobTitle, location</td><td>text</td><td>JOINER, REHIRE: required; MOVER</td></tr>
 * <tr><td>managerPersonId</td><td>a person id</td><td>JOINER, REHIRE, MOVER</td></tr>
 * <tr><td>employmentType</td><td>EMPLOYEE, CONTRACTOR, INTERN, TEMPORARY, VOLUNTEER</td>
 *     <td>JOINER, REHIRE: required; MOVER</td></tr>
 * <tr><td>contactName, contactEmail</td><td>who receives the username instructions</td>
 *     <td>JOINER, REHIRE: required</td></tr>
 * <tr><td>leaveReason</td><td>RESIGNATION, RETIREMENT, END_OF_CONTRACT, DISMISSAL, TERMINATION_FOR_CAUSE,
 *     DECEASED, OTHER</td><td>LEAVER: required</td></tr>
 * <tr><td>immediate</td><td>true or false (default): access cut at once; effectiveDate today or earlier</td>
 *     <td>LEAVER</td></tr>
 * <tr><td>previousDate</td><td>yyyy-MM-dd, the date being corrected</td>
 *     <td>START_DATE_CHANGED, END_DATE_CHANGED</td></tr>
 * <tr><td>transfer</td><td>true or false (default): a move between agencies</td><td>MOVER</td></tr>
 * <tr><td>changedAttributes</td><td>{@code ;}-separated: AGENCY, DEPARTMENT, JOB, LOCATION, MANAGER,
 *     EMPLOYMENT_TYPE, TIME_ZONE</td><td>MOVER</td></tr>
 * <tr><td>cancelReason</td><td>JOINER_CANCELLED: NO_SHOW, OFFER_RESCINDED, OFFER_DECLINED, OTHER (required);
 *     LEAVER_CANCELLED: free text</td><td>JOINER_CANCELLED, LEAVER_CANCELLED</td></tr>
 * <tr><td>cancelledEventId</td><td>UUID of the cancelled event</td><td>JOINER_CANCELLED, LEAVER_CANCELLED</td></tr>
 * <tr><td>vpnAction</td><td>GRANT, REVOKE</td><td>VPN_ACCESS: required</td></tr>
 * <tr><td>reason</td><td>text: why VPN access is granted or revoked</td><td>VPN_ACCESS</td></tr>
 * </table>
 * A MOVER carries at least one of department, jobCode, jobTitle, location, managerPersonId, employmentType. A
 * non-empty cell in a column that does not belong to the row's type is an error. Text is at most 200 characters,
 * without control characters, and must not start with {@code = + - @} (spreadsheet formulas).
 *
 * <p>Example: {@code src/test/resources/csv/example-import.csv}.
 */
public final class CsvEventFile {

    private final List<String> columns;
    private final List<CsvRow> rows;
    private final List<CsvError> errors;

    private CsvEventFile(List<String> columns, List<CsvRow> rows, List<CsvError> errors) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.errors = List.copyOf(errors);
    }

    public static CsvEventFile parse(String text) {
        try {
            return parse(new StringReader(text), CsvLimits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
    }

    public static CsvEventFile parse(Reader reader) throws IOException {
        return parse(reader, CsvLimits.DEFAULT);
    }

    /** Parses the whole input; malformed input becomes {@link #errors()}, never an exception. */
    public static CsvEventFile parse(Reader reader, CsvLimits limits) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        Parse parse = new Parse(new CsvRecordReader(reader, limits.maxLineLength()), limits.maxRows(), rows::add);
        List<CsvError> errors = parse.run();
        return new CsvEventFile(parse.columns, rows, errors);
    }

    /**
     * Parses the input, handing each well-formed row to {@code sink} as soon as it is read instead of keeping them,
     * and returns the header and syntax errors.
     */
    static List<CsvError> stream(Reader reader, CsvLimits limits, Consumer<CsvRow> sink) throws IOException {
        return new Parse(new CsvRecordReader(reader, limits.maxLineLength()), limits.maxRows(), sink).run();
    }

    /**
     * A UTF-8 reader for {@link #stream}: invalid bytes become U+FFFD, which the record reader refuses as "not valid
     * UTF-8" on the exact line and column. (A strict decoder would throw while filling its buffer, ahead of the
     * line being read, so the error would name the wrong line.)
     */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(CsvRecordReader.NOT_UTF8));
    }

    /** The header's column names, in file order (empty when there is no header). */
    public List<String> columns() {
        return columns;
    }

    /** The well-formed data rows, in file order. */
    public List<CsvRow> rows() {
        return rows;
    }

    /** Header and syntax problems; when the header is wrong, no row is read. */
    public List<CsvError> errors() {
        return errors;
    }

    public boolean isWellFormed() {
        return errors.isEmpty();
    }

    /** One parse: the header, then every record. */
    private static final class Parse {
        private final CsvRecordReader records;
        private final int maxRows;
        private final Consumer<CsvRow> sink;
        private final List<String> columns = new ArrayList<>();
        private final List<CsvError> errors = new ArrayList<>();
        private boolean[] listColumns;

        Parse(CsvRecordReader records, int maxRows, Consumer<CsvRow> sink) {
            this.records = records;
            this.maxRows = maxRows;
            this.sink = sink;
        }

        List<CsvError> run() throws IOException {
            try {
                CsvRecordReader.RawRecord header = nextNonBlank();
                if (header == null) {
                    errors.add(new CsvError(1, null, "is empty: a header row is required"));
                } else if (readHeader(header)) {
                    readRows();
                }
            } catch (CsvRecordReader.Malformed malformed) {
                errors.add(new CsvError(malformed.line, columnAt(malformed.cell), malformed.getMessage()));
            } catch (CharacterCodingException e) {
                errors.add(new CsvError(records.line(), null, "is not valid UTF-8"));
            }
            return errors;
        }

        private boolean readHeader(CsvRecordReader.RawRecord header) {
            if (header.problem() != null) {
                errors.add(new CsvError(header.line(), null, header.problem()));
                return false;
            }
            Set<String> seen = new HashSet<>();
            for (String cell : header.cells()) {
                String name = cell.strip();
                if (name.isEmpty()) {
                    errors.add(new CsvError(header.line(), null, "has an empty column name"));
                } else if (SubmissionField.fromWireName(name).isEmpty()) {
                    errors.add(new CsvError(header.line(), Excerpt.of(name), "is not a known column"));
                } else if (!seen.add(name)) {
                    errors.add(new CsvError(header.line(), name, "appears more than once in the header"));
                }
                columns.add(name);
            }
            listColumns = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                listColumns[i] =
                        SubmissionField.fromWireName(columns.get(i)).filter(SubmissionField::isList).isPresent();
            }
            for (SubmissionField field : SubmissionField.values()) {
                if (field.alwaysRequired() && !seen.contains(field.wireName())) {
                    errors.add(new CsvError(header.line(), field.wireName(), "is a required column"));
                }
            }
            return errors.isEmpty();
        }

        private void readRows() throws IOException, CsvRecordReader.Malformed {
            int dataRows = 0;
            for (CsvRecordReader.RawRecord record = nextNonBlank(); record != null; record = nextNonBlank()) {
                if (++dataRows > maxRows) {
                    errors.add(new CsvError(record.line(), null, "is beyond the limit of " + maxRows + " rows"));
                    return;
                }
                if (record.problem() != null) {
                    errors.add(new CsvError(record.line(), columnAt(record.problemCell()), record.problem()));
                } else if (record.cells().size() != columns.size()) {
                    errors.add(new CsvError(record.line(), null,
                            "has " + count(record.cells().size()) + " where the header has " + columns.size()));
                } else {
                    sink.accept(new CsvRow(record.line(), fields(record.cells())));
                }
            }
        }

        /** The non-empty cells by column, built immutable at once (so CsvRow need not copy it). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Map<String, Object> fields(List<String> cells) {
            Map.Entry<String, Object>[] fields = new Map.Entry[cells.size()];
            int count = 0;
            for (int i = 0; i < cells.size(); i++) {
                String value = cells.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                Object field = listColumns[i] ? splitList(value) : value;
                if (field != null) {
                    fields[count++] = Map.entry(columns.get(i), field);
                }
            }
            return Map.ofEntries(Arrays.copyOf(fields, count));
        }

        private CsvRecordReader.RawRecord nextNonBlank() throws IOException, CsvRecordReader.Malformed {
            CsvRecordReader.RawRecord record = records.next();
            while (record != null && record.isBlank()) {
                record = records.next();
            }
            return record;
        }

        private String columnAt(int cell) {
            return cell >= 0 && cell < columns.size() ? columns.get(cell) : null;
        }
    }

    private static String count(int cells) {
        return cells + (cells == 1 ? " cell" : " cells");
    }

    /** "DEPARTMENT; JOB;" → [DEPARTMENT, JOB]; empty parts dropped; nothing left → null (absent). */
    private static List<String> splitList(String cell) {
        List<String> parts = new ArrayList<>();
        for (String part : cell.split(";", -1)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? null : List.copyOf(parts);
    }
}
