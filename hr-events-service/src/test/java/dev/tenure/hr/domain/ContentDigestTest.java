package dev.tenure.hr.domain;

import static dev.tenure.hr.domain.Samples.ABSENT;
import static dev.tenure.hr.domain.Samples.CONTEXT;
import static dev.tenure.hr.domain.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tenure.hr.domain.csv.CsvEventFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentDigestTest {

    private final SubmissionValidator validator = new SubmissionValidator();

    @Test
    void shouldGiveTheSameDigestToAJoinerSentAsJsonOrAsACsvRow() {
        // Given the same joiner as a JSON object and as a CSV row with other column order, case and padding
        Map<String, Object> json = Samples.joiner();
        String csv = "contactEmail,contactName,employmentType,managerPersonId,location,jobTitle,jobCode,department,"
                + "preferredName,familyName,givenName,timeZone,effectiveDate,agency,personId,type,eventId,"
                + "leaveReason\r\n"
                + "grace.hopper@example.org,Grace Hopper,employee,p-0042,\"Boston HQ\",Finance Analyst,FA-2,Finance,"
                + "Ali,Nakamura, Alice ,America/New_York,2027-03-22,EOTSS,p-0001,joiner,"
                + "3F1C2A9E-5B7D-4C1E-9A2B-0D4E6F8A1B2C,\r\n";

        // When
        String fromJson = digestOf(json);
        String fromCsv = digestOf(CsvEventFile.parse(csv).rows().get(0).fields());

        // Then
        assertThat(fromCsv).isEqualTo(fromJson);
    }

    @Test
    void shouldGiveTheSameDigestToAMoverSentAsJsonOrAsACsvRow() {
        // Given booleans and lists as JSON types, and as CSV text in another order
        Map<String, Object> json = Samples.mover();
        String csv = "eventId,type,personId,agency,effectiveDate,timeZone,department,jobCode,jobTitle,transfer,"
                + "changedAttributes\n"
                + "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f,MOVER,p-started,DOR,2027-04-01,America/New_York,Legal,LC-1,"
                + "Legal Counsel,TRUE,job; Department;AGENCY;\n";

        // When / Then
        assertThat(digestOf(CsvEventFile.parse(csv).rows().get(0).fields())).isEqualTo(digestOf(json));
    }

    @Test
    void shouldNotDependOnFieldOrder() {
        // Given
        List<String> names = new ArrayList<>(Samples.joiner().keySet());
        Collections.reverse(names);
        Map<String, Object> reversed = new LinkedHashMap<>();
        names.forEach(name -> reversed.put(name, Samples.joiner().get(name)));

        // When / Then
        assertThat(digestOf(reversed)).isEqualTo(digestOf(Samples.joiner()));
    }

    @Test
    void shouldCoverEveryFieldOfAVpnRequest() {
        // When
        LifecycleSubmission grant = validator.validate(Samples.vpnGrant(), CONTEXT).submission().orElseThrow();

        // Then
        assertThat(ContentDigest.canonicalFields(grant)).containsOnlyKeys(Samples.vpnGrant().keySet())
                .containsEntry("vpnAction", "GRANT");
    }

    @Test
    void shouldTreatAnAbsentBooleanAsFalse() {
        // When / Then
        assertThat(digestOf(with(Samples.leaver(), "immediate", ABSENT)))
                .isEqualTo(digestOf(with(Samples.leaver(), "immediate", "false")));
    }

    @Test
    void shouldBeALowerCaseSha256HexThatStaysStable() {
        // When
        String digest = digestOf(Samples.joiner());

        // Then the canonical form v1 does not drift: stored digests must keep matching replays
        assertThat(digest).matches("[0-9a-f]{64}")
                .isEqualTo("0786cef64a460d5a1d9f8f8a7f1e0d1167e4148419790cad43474352d4c325ae");
    }

    @Test
    void shouldCoverEveryFieldOfTheSubmission() {
        // When
        LifecycleSubmission joiner = validator.validate(Samples.joiner(), CONTEXT).submission().orElseThrow();

        // Then
        assertThat(ContentDigest.canonicalFields(joiner)).containsOnlyKeys(Samples.joiner().keySet());
    }

    static Stream<Arguments> changes() {
        Map<String, Object> immediateLeaver = with(Samples.leaver(), "effectiveDate", "2027-03-01");
        return Stream.of(
                change(Samples.joiner(), "eventId", "4f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c"),
                change(Samples.joiner(), "type", "REHIRE"),
                change(Samples.joiner(), "personId", "p-0002"),
                change(Samples.joiner(), "agency", "DOR"),
                change(Samples.joiner(), "effectiveDate", "2027-03-23"),
                change(Samples.joiner(), "timeZone", "America/Chicago"),
                change(Samples.joiner(), "givenName", "Alicia"),
                change(Samples.joiner(), "familyName", "Nakamora"),
                change(Samples.joiner(), "preferredName", "Al"),
                change(Samples.joiner(), "preferredName", ABSENT),
                change(Samples.joiner(), "department", "Treasury"),
                change(Samples.joiner(), "jobCode", "FA-3"),
                change(Samples.joiner(), "jobTitle", "Senior Finance Analyst"),
                change(Samples.joiner(), "location", "Springfield"),
                change(Samples.joiner(), "managerPersonId", "p-0043"),
                change(Samples.joiner(), "managerPersonId", ABSENT),
                change(Samples.joiner(), "employmentType", "INTERN"),
                change(Samples.joiner(), "contactName", "Ada Lovelace"),
                change(Samples.joiner(), "contactEmail", "ada@example.org"),
                change(Samples.mover(), "location", "Springfield"),
                change(Samples.mover(), "changedAttributes", List.of("AGENCY", "DEPARTMENT")),
                change(Samples.mover(), "transfer", ABSENT, "changedAttributes", List.of("DEPARTMENT", "JOB")),
                change(immediateLeaver, "leaveReason", "RETIREMENT"),
                change(immediateLeaver, "immediate", true),
                change(Samples.startDateChanged(), "previousDate", "2027-03-21"),
                change(Samples.startDateChanged(), "previousDate", ABSENT),
                change(Samples.joinerCancelled(), "cancelReason", "NO_SHOW"),
                change(Samples.joinerCancelled(), "cancelledEventId", ABSENT),
                change(Samples.leaverCancelled(), "cancelReason", "Stays after all"),
                change(Samples.vpnGrant(), "vpnAction", "REVOKE"),
                change(Samples.vpnGrant(), "reason", "Remote access for audits"),
                change(Samples.vpnGrant(), "reason", ABSENT));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("changes")
    void shouldChangeTheDigestWhenAnyFieldChanges(
            Map<String, Object> before, String change, Map<String, Object> after) {
        // Given two valid submissions that differ in one field (see the name)

        // When / Then
        assertThat(digestOf(after)).isNotEqualTo(digestOf(before));
    }

    private static Arguments change(Map<String, Object> base, Object... namesAndValues) {
        String change = namesAndValues[0] + " -> " + namesAndValues[1];
        return arguments(base, change, with(base, namesAndValues));
    }

    private String digestOf(Map<String, Object> fields) {
        Validation validation = validator.validate(fields, CONTEXT);
        assertThat(validation.errors()).isEmpty();
        return ContentDigest.of(validation.submission().orElseThrow());
    }
}
