package dev.tenure.hr.domain.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records: cells separated by commas, records by CRLF, LF or CR; a cell in double quotes may hold
 * commas, line breaks and doubled quotes. A leading UTF-8 byte order mark is skipped. Hand-written for speed.
 */
final class CsvRecordReader {

    /** One record as read: where it starts, its cells, and a problem that spoils only this record. */
    record RawRecord(int line, List<String> cells, String problem, int problemCell) {

        boolean isBlank() {
            for (String cell : cells) {
                if (!cell.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A problem after which the rest of the file cannot be read. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int cell;

        Malformed(int line, int cell, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.cell = cell;
        }
    }

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    /** What the UTF-8 decoder puts for bytes that are not UTF-8 (U+FFFD); the text itself never needs it. */
    static final String NOT_UTF8 = "\uFFFD";
    private static final char NOT_UTF8_CHAR = '\uFFFD';

    /** Room for every known column; a hostile row of thousands of cells must not size every later row's list. */
    private static final int MAX_PRESIZED_CELLS = 32;

    private final Reader reader;
    private final int maxLength;
    private final char[] buffer = new char[65_536];
    private final StringBuilder cell = new StringBuilder(64);
    private int position;
    private int limit;
    private int line = 1;
    private int expectedCells = 8;
    private boolean started;

    CsvRecordReader(Reader reader, int maxLength) {
        this.reader = reader;
        this.maxLength = maxLength;
    }

    /** The physical line the reader is on. */
    int line() {
        return line;
    }

    /** The next record, or null at the end of the input. */
    RawRecord next() throws IOException, Malformed {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\ufeff') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        int startLine = line;
        int quoteLine = line;
        int length = 0;
        String problem = null;
        int problemCell = -1;
        List<String> cells = new ArrayList<>(expectedCells);
        State state = State.CELL_START;
        cell.setLength(0);
        for (; c != -1; c = read()) {
            char ch = (char) c;
            if (ch == NOT_UTF8_CHAR) {
                throw new Malformed(line, cells.size(), "is not valid UTF-8");
            }
            boolean endsRecord = state != State.QUOTED && (ch == '\n' || ch == '\r');
            if (++length > maxLength && !endsRecord) {
                throw new Malformed(startLine, -1, "is longer than " + maxLength + " characters");
            }
            if (state == State.CELL_START) {
                if (ch == '"') {
                    state = State.QUOTED;
                    quoteLine = line;
                    continue;
                }
                state = State.UNQUOTED;
            }
            switch (state) {
                case UNQUOTED:
                    if (ch == ',') {
                        cells.add(takeCell());
                        state = State.CELL_START;
                    } else if (ch == '\n' || ch == '\r') {
                        return endRecord(ch, startLine, cells, problem, problemCell);
                    } else {
                        if (ch == '"' && problem == null) {
                            problem = "has a quote inside an unquoted cell";
                            problemCell = cells.size();
                        }
                        cell.append(ch);
                    }
                    break;
                case QUOTED:
                    if (ch == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        if (ch == '\r' || (ch == '\n' && previousWasNotCr())) {
                            line++;
                        }
                        cell.append(ch);
                    }
                    break;
                case QUOTE_IN_QUOTED:
                    if (ch == '"') {
                        cell.append('"');
                        state = State.QUOTED;
                    } else if (ch == ',') {
                        cells.add(takeCell());
                        state = State.CELL_START;
                    } else if (ch == '\n' || ch == '\r') {
                        return endRecord(ch, startLine, cells, problem, problemCell);
                    } else {
                        if (problem == null) {
                            problem = "has characters after a closing quote";
                            problemCell = cells.size();
                        }
                        cell.append(ch);
                        state = State.UNQUOTED;
                    }
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
        if (state == State.QUOTED) {
            throw new Malformed(quoteLine, cells.size(), "has an unterminated quote");
        }
        cells.add(takeCell());
        return new RawRecord(startLine, cells, problem, problemCell);
    }

    private RawRecord endRecord(char terminator, int startLine, List<String> cells, String problem, int problemCell)
            throws IOException {
        cells.add(takeCell());
        expectedCells = Math.min(Math.max(expectedCells, cells.size()), MAX_PRESIZED_CELLS);
        if (terminator == '\r' && peek() == '\n') {
            position++;
        }
        line++;
        return new RawRecord(startLine, cells, problem, problemCell);
    }

    private String takeCell() {
        String value = cell.length() == 0 ? "" : cell.toString();
        cell.setLength(0);
        return value;
    }

    private boolean previousWasNotCr() {
        return position < 2 || buffer[position - 2] != '\r';
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    /** Refills the buffer, keeping the last character so a CR before the refill is still seen. */
    private boolean fill() throws IOException {
        if (limit > 0) {
            buffer[0] = buffer[limit - 1];
            position = 1;
            limit = 1;
        }
        int read = reader.read(buffer, limit, buffer.length - limit);
        if (read <= 0) {
            return false;
        }
        limit += read;
        return true;
    }
}
