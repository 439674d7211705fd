package dev.tenure.hr.domain.csv;

import static dev.tenure.hr.domain.Samples.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenure.hr.domain.EventType;
import dev.tenure.hr.domain.LifecycleSubmission;
import dev.tenure.hr.domain.SubmissionValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvImportValidatorTest {

    private static final String HEADER = "eventId,type,personId,agency,effectiveDate,timeZone,leaveReason";

    private final CsvImportValidator importer = new CsvImportValidator(new SubmissionValidator());

    @Test
    void shouldAcceptTheExampleImportWithEveryEventTypeInFileOrder() throws IOException {
        // Given the documented example file
        CsvEventFile file;
        try (InputStream in = getClass().getResourceAsStream("/csv/example-import.csv");
                Reader reader = CsvEventFile.utf8(in)) {
            file = CsvEventFile.parse(reader);
        }

        // When
        CsvImport result = importer.validate(file, CONTEXT);

        // Then
        assertThat(result.errors()).isEmpty();
        assertThat(result.accepted()).extracting(CsvSubmission::line)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(result.submissions()).extracting(LifecycleSubmission::type).containsOnly(EventType.values());
        assertThat(result.submissions().get(1).personId()).isEqualTo("E100235");
    }

    @Test
    void shouldGiveTheSameResultWhenParsingAndValidatingInOnePass() throws IOException {
        // Given the example file, read twice
        CsvImport twoSteps;
        CsvImport onePass;
        try (Reader reader = CsvEventFile.utf8(getClass().getResourceAsStream("/csv/example-import.csv"))) {
            twoSteps = importer.validate(CsvEventFile.parse(reader), CONTEXT);
        }

        // When
        try (Reader reader = CsvEventFile.utf8(getClass().getResourceAsStream("/csv/example-import.csv"))) {
            onePass = importer.validate(reader, CsvLimits.DEFAULT, CONTEXT);
        }

        // Then
        assertThat(onePass).isEqualTo(twoSteps);
        assertThat(onePass.accepted()).hasSize(11);
    }

    @Test
    void shouldReportSyntaxAndFieldErrorsInLineOrderWhenStreaming() throws IOException {
        // Given an unterminated quote on line 4 after a bad field on line 3
        String csv = HEADER + "\n"
                + "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-1,EOTSS,2027-06-30,America/New_York,RETIREMENT\n"
                + "4f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-2,EOTSS,2027-06-30,Mars/Olympus,RETIREMENT\n"
                + "5f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,\"p-3,EOTSS,2027-06-30,America/New_York,RETIREMENT\n";

        // When
        CsvImport result = importer.validate(new StringReader(csv), CsvLimits.DEFAULT, CONTEXT);

        // Then
        assertThat(result.accepted()).isEmpty();
        assertThat(result.errors()).containsExactly(
                new CsvError(3, "timeZone", "is not a known IANA time zone (like America/New_York)"),
                new CsvError(4, "personId", "has an unterminated quote"));
    }

    @Test
    void shouldRejectARepeatedEventIdOnTheLaterLine() {
        // Given the same eventId on lines 2 and 4 (once in upper case)
        String csv = HEADER + "\n"
                + "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-1,EOTSS,2027-06-30,America/New_York,RETIREMENT\n"
                + "4f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-2,EOTSS,2027-06-30,America/New_York,RETIREMENT\n"
                + "3F1C2A9E-5B7D-4C1E-9A2B-0D4E6F8A1B2C,LEAVER,p-3,EOTSS,2027-06-30,America/New_York,RETIREMENT\n";

        // When
        CsvImport result = importer.validate(CsvEventFile.parse(csv), CONTEXT);

        // Then
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).containsExactly(new CsvError(4, "eventId", "repeats the eventId of line 2"));
    }

    @Test
    void shouldRejectTheWholeFileWithEveryBadLinesErrors() {
        // Given a good row, a row with two bad fields, a malformed row and another good row
        String csv = HEADER + "\n"
                + "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-1,EOTSS,2027-06-30,America/New_York,RETIREMENT\n"
                + "4f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-2,NASA,2027-06-31,America/New_York,RETIREMENT\n"
                + "oops\n"
                + "5f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,LEAVER,p-3,EOTSS,2027-06-30,America/New_York,=HYPERLINK()\n";

        // When
        CsvImport result = importer.validate(CsvEventFile.parse(csv), CONTEXT);

        // Then nothing is accepted, and every problem is reported by line and field
        assertThat(result.accepted()).isEmpty();
        assertThat(result.submissions()).isEmpty();
        assertThat(result.errors()).containsExactly(
                new CsvError(3, "agency", "is not a known agency"),
                new CsvError(3, "effectiveDate", "is not a calendar date"),
                new CsvError(4, null, "has 1 cell where the header has 7"),
                new CsvError(5, "leaveReason", "must be one of RESIGNATION, RETIREMENT, END_OF_CONTRACT, DISMISSAL, "
                        + "TERMINATION_FOR_CAUSE, DECEASED, OTHER"));
    }

    @Test
    void shouldKnowAPersonFromAJoinerEarlierInTheSameFile() {
        // Given a joiner, then a VPN grant for that joiner, in one file; the intake knew neither before
        String csv = VPN_HEADER + "\n"
                + joinerRow("6f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c", "p-new", "2027-03-22") + "\n"
                + vpnRow("7f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c", "p-new", "2027-03-22", "GRANT") + "\n";

        // When
        CsvImport result = importer.validate(CsvEventFile.parse(csv), CONTEXT);

        // Then both are accepted
        assertThat(result.errors()).isEmpty();
        assertThat(result.submissions()).extracting(LifecycleSubmission::type)
                .containsExactly(EventType.JOINER, EventType.VPN_ACCESS);
    }

    @Test
    void shouldCheckEachRowAgainstTheValidRowsAboveItAsIfSubmittedOneByOne() {
        // Given a VPN grant before its person's joiner, one after the person's joiner was cancelled, and one dated
        // before the start the file gave
        String csv = VPN_HEADER + "\n"
                + vpnRow("1a1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c", "p-a", "2027-03-22", "GRANT") + "\n"
                + joinerRow("2a1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c", "p-a", "2027-03-22") + "\n"
                + joinerRow("3a1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c", "p-b", "2027-03-22") + "\n"
                + "4a1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c,JOINER_CANCELLED,p-b,EOTSS,2027-03-22,America/New_York"
                + ",,,,,,,,,,NO_SHOW,,\n"
                + vpnRow("5a1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c", "p-b", "2027-03-22", "REVOKE") + "\n"
                + vpnRow("6a1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c", "p-a", "2027-03-21", "GRANT") + "\n";

        // When
        CsvImport result = importer.validate(CsvEventFile.parse(csv), CONTEXT);

        // Then
        assertThat(result.accepted()).isEmpty();
        assertThat(result.errors()).extracting(CsvError::line, CsvError::column).containsExactly(
                tuple(2, "personId"), tuple(6, "personId"), tuple(7, "effectiveDate"));
    }

    @Test
    void shouldValidateATenThousandRowFile() {
        // Given
        StringBuilder csv = new StringBuilder(HEADER).append(",immediate\r\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(new UUID(0x1234L, i + 1L)).append(",LEAVER,p-").append(i)
                    .append(",EOTSS,2027-06-30,America/New_York,RESIGNATION,false\r\n");
        }

        // When
        long started = System.nanoTime();
        CsvImport result = importer.validate(CsvEventFile.parse(csv.toString()), CONTEXT);
        long elapsed = System.nanoTime() - started;

        // Then
        assertThat(result.errors()).isEmpty();
        assertThat(result.accepted()).hasSize(10_000);
        assertThat(result.accepted().get(9_999).line()).isEqualTo(10_001);
        System.out.printf("CSV parse+validate: 10,000 rows in %d ms (cold JVM)%n", elapsed / 1_000_000);
    }

    private static final String VPN_HEADER = "eventId,type,personId,agency,effectiveDate,timeZone,givenName,familyName,"
            + "department,jobCode,jobTitle,location,employmentType,contactName,contactEmail,cancelReason,vpnAction,"
            + "reason";

    private static String joinerRow(String eventId, String personId, String start) {
        return eventId + ",JOINER," + personId + ",EOTSS," + start + ",America/New_York,Alice,Nakamura,Finance,FA-2,"
                + "Finance Analyst,Boston,EMPLOYEE,Grace Hopper,grace.hopper@example.org,,,";
    }

    private static String vpnRow(String eventId, String personId, String date, String action) {
        return eventId + ",VPN_ACCESS," + personId + ",EOTSS," + date + ",America/New_York,,,,,,,,,,," + action
                + ",Remote work";
    }
}
