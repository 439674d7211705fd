package dev.tenure.tools.feed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The CSV the intake imports ({@code POST /api/v1/lifecycle-events/imports}, {@code text/csv}): a
 * header of the field names ({@link FeedFields#NAMES}, in that order), one event per row, an absent
 * field as an empty cell, {@code changedAttributes} as one cell joined by {@code ;}. RFC 4180: UTF-8
 * without a byte-order mark, CRLF line ends, a cell quoted when it holds a comma, a double quote,
 * CR or LF, or starts or ends with a space, and a quote inside doubled.
 */
public final class FeedCsvWriter {

    public static final String LINE_END = "\r\n";
    public static final String LIST_SEPARATOR = ";";

    private FeedCsvWriter() {
    }

    public static void write(Iterable<FeedEvent> events, Writer out) throws IOException {
        writeRow(FeedFields.NAMES, out);
        String[] row = new String[FeedFields.NAMES.size()];
        for (FeedEvent event : events) {
            Map<String, Object> fields = FeedFields.present(event);
            for (int i = 0; i < row.length; i++) {
                row[i] = cell(fields.get(FeedFields.NAMES.get(i)));
            }
            writeRow(List.of(row), out);
        }
    }

    /** Writes UTF-8 to {@code out} (not closed). */
    public static void write(Iterable<FeedEvent> events, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(events, writer);
        writer.flush();
    }

    public static String toCsv(Iterable<FeedEvent> events) {
        StringWriter out = new StringWriter();
        try {
            write(events, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] toBytes(Iterable<FeedEvent> events) {
        return toCsv(events).getBytes(StandardCharsets.UTF_8);
    }

    /** One cell, quoted only when it must be. */
    public static String quote(String cell) {
        boolean mustQuote = false;
        for (int i = 0; i < cell.length() && !mustQuote; i++) {
            char c = cell.charAt(i);
            mustQuote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' ')) {
            mustQuote = true;
        }
        return mustQuote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static void writeRow(List<String> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write(LINE_END);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List) {
            StringBuilder joined = new StringBuilder();
            for (Object item : (List<?>) value) {
                if (joined.length() > 0) {
                    joined.append(LIST_SEPARATOR);
                }
                joined.append(item);
            }
            return joined.toString();
        }
        return value.toString();
    }
}
