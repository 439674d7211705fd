package dev.tenure.hr.domain.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvEventFileTest {

    private static final String HEADER = "eventId,type,personId,agency,effectiveDate,timeZone";
    private static final String ROW =
            "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-1,EOTSS,2027-06-30,America/New_York";

    @Test
    void shouldReadQuotedCellsWithCommasDoubledQuotesAndLineBreaks() {
        // Given a row whose quoted cells hold a comma, a doubled quote and a line break
        String csv = HEADER + ",givenName,familyName,jobTitle\n"
                + ROW + ",\"Smith, Jr.\",\"O\"\"Brien\",\"Line one\nLine two\"\n"
                + ROW + ",Ann,Lee,Clerk\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then the next row starts on line 4, after the two lines of row 2
        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).extracting(CsvRow::line).containsExactly(2, 4);
        Map<String, Object> fields = file.rows().get(0).fields();
        assertThat(fields).containsEntry("givenName", "Smith, Jr.")
                .containsEntry("familyName", "O\"Brien")
                .containsEntry("jobTitle", "Line one\nLine two")
                .containsEntry("type", "LEAVER");
    }

    @Test
    void shouldAcceptCrlfLfAndCrLineEndingsAndAByteOrderMark() {
        // Given
        String csv = "\uFEFF" + HEADER + "\r\n" + ROW + "\r\n" + ROW + "\n" + ROW + "\r" + ROW;

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then
        assertThat(file.errors()).isEmpty();
        assertThat(file.columns()).startsWith("eventId");
        assertThat(file.rows()).extracting(CsvRow::line).containsExactly(2, 3, 4, 5);
    }

    @Test
    void shouldCountLinesInsideQuotedCrlfOnce() {
        // Given a quoted cell spanning two CRLF lines
        String csv = HEADER + ",jobTitle\r\n" + ROW + ",\"a\r\nb\r\nc\"\r\n" + ROW + ",x\r\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then
        assertThat(file.rows()).extracting(CsvRow::line).containsExactly(2, 5);
        assertThat(file.rows().get(0).fields()).containsEntry("jobTitle", "a\r\nb\r\nc");
    }

    @Test
    void shouldLeaveEmptyCellsOutAndSplitChangedAttributes() {
        // Given
        String csv = HEADER + ",department,changedAttributes,transfer\n" + ROW + ",,DEPARTMENT; JOB;,\"\"\n";

        // When
        Map<String, Object> fields = CsvEventFile.parse(csv).rows().get(0).fields();

        // Then
        assertThat(fields).doesNotContainKeys("department", "transfer")
                .containsEntry("changedAttributes", List.of("DEPARTMENT", "JOB"));
    }

    @Test
    void shouldSkipBlankLinesAndEmptyRowsButKeepPhysicalLineNumbers() {
        // Given
        String csv = HEADER + "\n\n" + ROW + "\n,,,,,\n\n" + ROW + "\n\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then
        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).extracting(CsvRow::line).containsExactly(3, 6);
    }

    @Test
    void shouldRejectAnUnknownColumnNamingIt() {
        // Given
        String csv = HEADER + ",salary\n" + ROW + ",100000\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then no row is read
        assertThat(file.errors()).containsExactly(new CsvError(1, "salary", "is not a known column"));
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void shouldRejectARepeatedColumnAndAMissingRequiredOne() {
        // Given
        String csv = "eventId,type,personId,personId,agency,effectiveDate\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then
        assertThat(file.errors()).containsExactly(
                new CsvError(1, "personId", "appears more than once in the header"),
                new CsvError(1, "timeZone", "is a required column"));
    }

    @Test
    void shouldTruncateAHugeUnknownColumnName() {
        // Given
        String csv = HEADER + "," + "z".repeat(5_000) + "\n";

        // When
        CsvError error = CsvEventFile.parse(csv).errors().get(0);

        // Then
        assertThat(error.column()).hasSizeLessThanOrEqualTo(41);
    }

    @Test
    void shouldReportAnUnterminatedQuoteAtTheLineItOpens() {
        // Given a quote opened on line 4 and never closed
        String csv = HEADER + ",givenName\n" + ROW + ",Ann\n" + ROW + ",Bob\n" + ROW + ",\"Carol\n" + ROW + ",Dan\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then
        assertThat(file.errors()).containsExactly(new CsvError(4, "givenName", "has an unterminated quote"));
        assertThat(file.rows()).extracting(CsvRow::line).containsExactly(2, 3);
    }

    @Test
    void shouldReportARowWithTheWrongNumberOfCellsAndReadTheOthers() {
        // Given
        String csv = HEADER + "\n" + ROW + "\n" + "a,b,c,d,e\n" + ROW + ",extra\n" + ROW + "\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then
        assertThat(file.errors()).containsExactly(
                new CsvError(3, null, "has 5 cells where the header has 6"),
                new CsvError(4, null, "has 7 cells where the header has 6"));
        assertThat(file.rows()).extracting(CsvRow::line).containsExactly(2, 5);
    }

    @Test
    void shouldRejectStrayQuotes() {
        // Given
        String csv = HEADER + ",givenName,familyName\n" + ROW + ",An\"n,Lee\n" + ROW + ",\"Ann\"x,Lee\n";

        // When
        CsvEventFile file = CsvEventFile.parse(csv);

        // Then
        assertThat(file.errors()).containsExactly(
                new CsvError(2, "givenName", "has a quote inside an unquoted cell"),
                new CsvError(3, "givenName", "has characters after a closing quote"));
    }

    @Test
    void shouldStopAtTheRowLimit() {
        // Given
        String csv = HEADER + "\n" + ROW + "\n" + ROW + "\n" + ROW + "\n";

        // When
        CsvEventFile file = parse(csv, new CsvLimits(2, 1_000));

        // Then
        assertThat(file.errors()).containsExactly(new CsvError(4, null, "is beyond the limit of 2 rows"));
    }

    @Test
    void shouldStopAtAnOverlongLine() {
        // Given
        String csv = HEADER + ",jobTitle\n" + ROW + ",short\n" + ROW + "," + "x".repeat(200) + "\n";

        // When
        CsvEventFile file = parse(csv, new CsvLimits(10, 150));

        // Then
        assertThat(file.errors()).containsExactly(new CsvError(3, null, "is longer than 150 characters"));
        assertThat(file.rows()).hasSize(1);
    }

    @Test
    void shouldAcceptALineOfExactlyTheMaximumLengthNotCountingItsLineBreak() {
        // Given a data row of exactly 150 characters, then CRLF
        String row = ROW + ",\"" + "x".repeat(150 - ROW.length() - 3) + "\"";
        String csv = HEADER + ",jobTitle\r\n" + row + "\r\n";

        // When
        CsvEventFile file = parse(csv, new CsvLimits(10, 150));

        // Then
        assertThat(row).hasSize(150);
        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).hasSize(1);
    }

    @Test
    void shouldRequireAHeader() {
        // When / Then
        assertThat(CsvEventFile.parse("").errors())
                .containsExactly(new CsvError(1, null, "is empty: a header row is required"));
        assertThat(CsvEventFile.parse("\uFEFF\r\n\r\n").errors()).hasSize(1);
        assertThat(CsvEventFile.parse(HEADER + "\r\n").errors()).isEmpty();
    }

    @Test
    void shouldRejectBytesThatAreNotUtf8OnTheirLineAndColumn() throws IOException {
        // Given an ISO-8859-1 "é" (0xE9) on line 2
        byte[] bytes = (HEADER + ",givenName\n" + ROW + ",Ren").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] latin1 = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        latin1[bytes.length] = (byte) 0xE9;
        latin1[bytes.length + 1] = (byte) '\n';

        // When
        CsvEventFile file = CsvEventFile.parse(CsvEventFile.utf8(new ByteArrayInputStream(latin1)));

        // Then
        assertThat(file.errors()).containsExactly(new CsvError(2, "givenName", "is not valid UTF-8"));
    }

    @Test
    void shouldNameTheLineOfABadByteFarBeyondTheFirstBufferOfText() throws IOException {
        // Given 5,000 good rows (far more than one buffer of decoded text), then a stray 0xFF on line 5,002
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes((HEADER + ",givenName\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 5_000; i++) {
            out.writeBytes((ROW + ",Zoë\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.writeBytes((ROW + ",Jos").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(0xFF);
        out.writeBytes("\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // When
        CsvEventFile file = CsvEventFile.parse(CsvEventFile.utf8(new ByteArrayInputStream(out.toByteArray())));

        // Then the error names that line and column, not the line where the decoder last filled its buffer
        assertThat(file.errors()).containsExactly(new CsvError(5_002, "givenName", "is not valid UTF-8"));
    }

    private static CsvEventFile parse(String csv, CsvLimits limits) {
        try {
            return CsvEventFile.parse(new StringReader(csv), limits);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
