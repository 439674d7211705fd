package dev.tenure.hr.domain;

import static dev.tenure.hr.domain.Samples.ABSENT;
import static dev.tenure.hr.domain.Samples.CONTEXT;
import static dev.tenure.hr.domain.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tenure.hr.domain.LifecycleSubmission.DateChange;
import dev.tenure.hr.domain.LifecycleSubmission.Hire;
import dev.tenure.hr.domain.LifecycleSubmission.JoinerCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Leave;
import dev.tenure.hr.domain.LifecycleSubmission.LeaverCancellation;
import dev.tenure.hr.domain.LifecycleSubmission.Move;
import dev.tenure.hr.domain.LifecycleSubmission.VpnRequest;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubmissionValidatorTest {

    private final SubmissionValidator validator = new SubmissionValidator();

    static Stream<Arguments> badSubmissions() {
        return Stream.of(
                // the shape of the object
                bad("an empty object", Map.of(), "type", "is required"),
                bad("an unknown field", with(Samples.joiner(), "favouriteColour", "teal"),
                        "favouriteColour", "is not a known field"),
                bad("a field of another type", with(Samples.joiner(), "leaveReason", "RESIGNATION"),
                        "leaveReason", "does not belong to a JOINER"),
                bad("previousDate on a LEAVER", with(Samples.leaver(), "previousDate", "2027-06-01"),
                        "previousDate", "does not belong to a LEAVER"),
                bad("a JOINER without contactEmail", with(Samples.joiner(), "contactEmail", ABSENT),
                        "contactEmail", "is required for a JOINER"),
                bad("a REHIRE with a blank givenName", with(Samples.rehire(), "givenName", "   "),
                        "givenName", "is required for a REHIRE"),
                bad("a LEAVER without leaveReason", with(Samples.leaver(), "leaveReason", ABSENT),
                        "leaveReason", "is required for a LEAVER"),
                bad("a JOINER_CANCELLED without cancelReason", with(Samples.joinerCancelled(), "cancelReason", ABSENT),
                        "cancelReason", "is required for a JOINER_CANCELLED"),
                bad("a MOVER that changes nothing", with(Samples.mover(), "department", ABSENT, "jobCode", ABSENT,
                        "jobTitle", ABSENT, "transfer", ABSENT, "changedAttributes", ABSENT),
                        "type", "at least one of department"),
                bad("an unknown type", with(Samples.joiner(), "type", "PROMOTION"), "type", "must be one of JOINER"),
                // wrong JSON types, huge numbers
                bad("a huge double for a name", with(Samples.joiner(), "givenName", 1e308),
                        "givenName", "must be a string, not a number"),
                bad("a 20-digit integer for personId",
                        with(Samples.joiner(), "personId", new BigInteger("99999999999999999999")),
                        "personId", "must be a string, not a number"),
                bad("a nested object for a department", with(Samples.joiner(), "department", Map.of("name", "Finance")),
                        "department", "must be a string, not an object"),
                bad("null for a preferred name", with(Samples.joiner(), "preferredName", null),
                        "preferredName", "must be a string, not null"),
                bad("an array for a family name", with(Samples.joiner(), "familyName", List.of("Nakamura")),
                        "familyName", "must be a string, not an array"),
                bad("a boolean for a job code", with(Samples.joiner(), "jobCode", true),
                        "jobCode", "must be a string, not a boolean"),
                bad("a number for immediate", with(Samples.leaver(), "immediate", 1),
                        "immediate", "must be a boolean, not a number"),
                bad("'yes' for immediate", with(Samples.leaver(), "immediate", "yes"),
                        "immediate", "must be a boolean (true or false)"),
                bad("a string for changedAttributes", with(Samples.mover(), "changedAttributes", "AGENCY;JOB"),
                        "changedAttributes", "must be an array of strings, not a string"),
                bad("numbers in changedAttributes", with(Samples.mover(), "changedAttributes", List.of(1, 2)),
                        "changedAttributes", "must be an array of strings"),
                bad("an unknown changed attribute", with(Samples.mover(), "changedAttributes", List.of("SALARY")),
                        "changedAttributes", "may only contain AGENCY"),
                // hostile text
                bad("a bidi override in a name", with(Samples.joiner(), "givenName", "Alice\u202Egnp.exe"),
                        "givenName", "bidirectional"),
                bad("a bidi isolate in a title", with(Samples.joiner(), "jobTitle", "Analyst\u2067x"),
                        "jobTitle", "bidirectional"),
                bad("a NUL in a name", with(Samples.joiner(), "familyName", "Naka\u0000mura"),
                        "familyName", "control characters"),
                bad("a C1 control in a location", with(Samples.joiner(), "location", "Boston\u0085HQ"),
                        "location", "control characters"),
                bad("a line separator in a department", with(Samples.joiner(), "department", "Fin\u2028ance"),
                        "department", "control characters"),
                bad("an unpaired surrogate in a name", with(Samples.joiner(), "givenName", "Al\uD800ice"),
                        "givenName", "valid Unicode"),
                bad("a zero-width joiner in personId", with(Samples.joiner(), "personId", "p-00\u200D01"),
                        "personId", "zero-width"),
                bad("a 300-character name", with(Samples.joiner(), "givenName", "A".repeat(300)),
                        "givenName", "at most 200 characters"),
                bad("a 10-million-character name", with(Samples.joiner(), "familyName", "B".repeat(10_000_000)),
                        "familyName", "at most 200 characters"),
                bad("a personId with a space", with(Samples.joiner(), "personId", "alice smith"),
                        "personId", "must be 1 to 64 characters"),
                bad("a 65-character personId", with(Samples.joiner(), "personId", "p".repeat(65)),
                        "personId", "at most 64 characters"),
                bad("a formula =cmd() in a name", with(Samples.joiner(), "givenName", "=cmd()"),
                        "givenName", "spreadsheet formula"),
                bad("a formula +1 in a department", with(Samples.joiner(), "department", "+1"),
                        "department", "spreadsheet formula"),
                bad("a formula @SUM(1) in a title", with(Samples.joiner(), "jobTitle", "@SUM(1)"),
                        "jobTitle", "spreadsheet formula"),
                bad("a formula after spaces", with(Samples.joiner(), "contactName", "  -2+3"),
                        "contactName", "spreadsheet formula"),
                bad("a leading tab", with(Samples.joiner(), "location", "\tHQ"), "location", "spreadsheet formula"),
                bad("a leading CR", with(Samples.leaverCancelled(), "cancelReason", "\r=1"),
                        "cancelReason", "spreadsheet formula"),
                bad("a formula as managerPersonId", with(Samples.joiner(), "managerPersonId", "-A1"),
                        "managerPersonId", "spreadsheet formula"),
                // ids, codes, enums
                bad("an eventId that is not a UUID", with(Samples.joiner(), "eventId", "not-a-uuid"),
                        "eventId", "must be a UUID"),
                bad("a loosely shaped UUID", with(Samples.joiner(), "eventId", "1-1-1-1-1"),
                        "eventId", "must be a UUID"),
                bad("the nil UUID", with(Samples.joiner(), "eventId", "00000000-0000-0000-0000-000000000000"),
                        "eventId", "nil UUID"),
                bad("a cancelledEventId that is not a UUID", with(Samples.joinerCancelled(), "cancelledEventId", "42"),
                        "cancelledEventId", "must be a UUID"),
                bad("an unknown agency", with(Samples.joiner(), "agency", "NASA"), "agency", "is not a known agency"),
                bad("an unknown employment type", with(Samples.joiner(), "employmentType", "FREELANCER"),
                        "employmentType", "must be one of EMPLOYEE"),
                bad("a free-text joiner cancel reason", with(Samples.joinerCancelled(), "cancelReason", "changed mind"),
                        "cancelReason", "must be one of NO_SHOW"),
                bad("an email without a domain", with(Samples.joiner(), "contactEmail", "grace.hopper"),
                        "contactEmail", "must be an email address"),
                // dates and zones
                bad("30 February", with(Samples.joiner(), "effectiveDate", "2026-02-30"),
                        "effectiveDate", "is not a calendar date"),
                bad("a US-style date", with(Samples.joiner(), "effectiveDate", "03/22/2027"),
                        "effectiveDate", "must be an ISO date yyyy-MM-dd"),
                bad("a date-time", with(Samples.joiner(), "effectiveDate", "2027-03-22T09:00:00Z"),
                        "effectiveDate", "must be an ISO date yyyy-MM-dd"),
                bad("a date before 1900", with(Samples.joiner(), "effectiveDate", "1899-12-31"),
                        "effectiveDate", "between 1900-01-01 and 2199-12-31"),
                bad("a date after 2199", with(Samples.leaver(), "effectiveDate", "2200-01-01"),
                        "effectiveDate", "between 1900-01-01 and 2199-12-31"),
                bad("an unknown zone", with(Samples.joiner(), "timeZone", "Mars/Olympus"),
                        "timeZone", "is not a known IANA time zone"),
                bad("a raw offset", with(Samples.joiner(), "timeZone", "+05:00"), "timeZone", "not an offset"),
                bad("a UTC offset", with(Samples.joiner(), "timeZone", "UTC+5"), "timeZone", "not an offset"),
                bad("a fixed-offset Etc zone", with(Samples.joiner(), "timeZone", "Etc/GMT+5"),
                        "timeZone", "not an offset"),
                bad("a legacy abbreviation without DST", with(Samples.joiner(), "timeZone", "EST"),
                        "timeZone", "not an abbreviation"),
                // against the clock and the person's history
                bad("an immediate termination next week", with(Samples.leaver(), "immediate", true,
                        "effectiveDate", "2027-03-08"), "effectiveDate", "today or earlier"),
                bad("a leaver before the start", with(Samples.leaver(), "effectiveDate", "2027-01-15"),
                        "effectiveDate", "before the person's start date"),
                bad("an end date changed to before the start", with(Samples.endDateChanged(),
                        "effectiveDate", "2027-01-31"), "effectiveDate", "before the person's start date"),
                bad("a start date changed to after the end", with(Samples.startDateChanged(), "personId", "p-left",
                        "effectiveDate", "2027-02-15", "previousDate", ABSENT),
                        "effectiveDate", "after the person's end date"),
                bad("a move after the end", with(Samples.mover(), "personId", "p-left"),
                        "effectiveDate", "after the person's end date"),
                bad("a rehire on the end date", with(Samples.rehire(), "effectiveDate", "2027-01-31"),
                        "effectiveDate", "after the person's end date"),
                bad("a date change to the same date", with(Samples.startDateChanged(), "previousDate", "2027-03-29"),
                        "previousDate", "must differ from effectiveDate"),
                bad("a transfer whose changes omit AGENCY", with(Samples.mover(), "changedAttributes",
                        List.of("DEPARTMENT")), "changedAttributes", "must include AGENCY for a transfer"),
                bad("an agency change that is no transfer", with(Samples.mover(), "transfer", false),
                        "transfer", "must be true when AGENCY changes"),
                // VPN requests: the fields
                bad("a VPN request without vpnAction", with(Samples.vpnGrant(), "vpnAction", ABSENT),
                        "vpnAction", "is required for a VPN_ACCESS"),
                bad("an unknown vpnAction", with(Samples.vpnGrant(), "vpnAction", "SUSPEND"),
                        "vpnAction", "must be one of GRANT, REVOKE"),
                bad("a number for vpnAction", with(Samples.vpnGrant(), "vpnAction", 1),
                        "vpnAction", "must be a string, not a number"),
                bad("a formula as a VPN reason", with(Samples.vpnGrant(), "reason", "=HYPERLINK(\"x\")"),
                        "reason", "spreadsheet formula"),
                bad("a formula behind spaces as a VPN reason", with(Samples.vpnGrant(), "reason", "  @SUM(1)"),
                        "reason", "spreadsheet formula"),
                bad("a 201-character VPN reason", with(Samples.vpnGrant(), "reason", "A".repeat(201)),
                        "reason", "at most 200 characters"),
                bad("a bidi override in a VPN reason", with(Samples.vpnGrant(), "reason", "ok\u202Eexe"),
                        "reason", "bidirectional"),
                bad("a control character in a VPN reason", with(Samples.vpnGrant(), "reason", "line\nbreak"),
                        "reason", "control characters"),
                bad("a VPN reason on a LEAVER", with(Samples.leaver(), "reason", "VPN too"),
                        "reason", "does not belong to a LEAVER"),
                bad("vpnAction on a JOINER", with(Samples.joiner(), "vpnAction", "GRANT"),
                        "vpnAction", "does not belong to a JOINER"),
                bad("a joiner's field on a VPN request", with(Samples.vpnGrant(), "givenName", "Alice"),
                        "givenName", "does not belong to a VPN_ACCESS"),
                bad("a leaver's field on a VPN request", with(Samples.vpnGrant(), "immediate", true),
                        "immediate", "does not belong to a VPN_ACCESS"),
                // VPN requests: against the person's history
                bad("a VPN request for a person the intake does not know", with(Samples.vpnGrant(), "personId",
                        "p-9999"), "personId", "is not a person with an accepted JOINER or REHIRE"),
                bad("a VPN revoke for a person the intake does not know", with(Samples.vpnRevoke(), "personId",
                        "p-9999"), "personId", "is not a person with an accepted JOINER or REHIRE"),
                bad("a VPN request for a person whose joiner was cancelled", with(Samples.vpnGrant(), "personId",
                        "p-cancelled"), "personId", "is not a person with an accepted JOINER or REHIRE"),
                bad("a VPN grant for a person whose end date has passed", with(Samples.vpnGrant(), "personId",
                        "p-left"), "personId", "has left"),
                bad("a VPN grant from before the start", with(Samples.vpnGrant(), "effectiveDate", "2027-01-31"),
                        "effectiveDate", "before the person's start date"),
                bad("a VPN grant from after a future end date", with(Samples.vpnGrant(), "personId", "p-leaving",
                        "effectiveDate", "2027-07-01"), "effectiveDate", "after the person's end date"),
                bad("a VPN grant for an agency the person has left", with(Samples.vpnGrant(), "personId",
                        "p-transferred"), "agency", "the agency of the person's current position"),
                bad("a VPN grant for another agency than the person's", with(Samples.vpnGrant(), "agency", "DOR"),
                        "agency", "the agency of the person's current position"),
                bad("a VPN revoke for an agency the person never worked for", with(Samples.vpnRevoke(), "agency",
                        "EOHHS"), "agency", "an agency the person has held a position in"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badSubmissions")
    void shouldRejectABadSubmissionNamingTheFieldAndWhy(
            String given, Map<String, Object> fields, String field, String reasonFragment) {
        // Given a submission with one problem (see the name)

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then
        assertThat(validation.isValid()).as(given).isFalse();
        assertThat(validation.submission()).isEmpty();
        assertThat(validation.errors()).as(given)
                .anySatisfy(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.reason()).contains(reasonFragment);
                })
                // (short: a reason never carries the value; the longest is the list of the nine event types)
                .allSatisfy(error -> assertThat(error.reason()).hasSizeLessThan(140).doesNotContain("AAAA", "BBBB"));
    }

    static Stream<Arguments> validSubmissions() {
        return Stream.of(
                arguments(Samples.joiner(), EventType.JOINER, Hire.class),
                arguments(Samples.mover(), EventType.MOVER, Move.class),
                arguments(Samples.leaver(), EventType.LEAVER, Leave.class),
                arguments(Samples.startDateChanged(), EventType.START_DATE_CHANGED, DateChange.class),
                arguments(Samples.endDateChanged(), EventType.END_DATE_CHANGED, DateChange.class),
                arguments(Samples.joinerCancelled(), EventType.JOINER_CANCELLED, JoinerCancellation.class),
                arguments(Samples.leaverCancelled(), EventType.LEAVER_CANCELLED, LeaverCancellation.class),
                arguments(Samples.rehire(), EventType.REHIRE, Hire.class),
                arguments(Samples.vpnGrant(), EventType.VPN_ACCESS, VpnRequest.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("validSubmissions")
    void shouldAcceptAValidSubmissionOfEveryType(Map<String, Object> fields, EventType type, Class<?> details) {
        // Given a complete, consistent submission of this type

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then
        assertThat(validation.errors()).isEmpty();
        LifecycleSubmission submission = validation.submission().orElseThrow();
        assertThat(submission.type()).isEqualTo(type);
        assertThat(submission.details()).isInstanceOf(details);
        assertThat(submission.eventId()).isEqualTo(UUID.fromString((String) fields.get("eventId")));
        assertThat(submission.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void shouldNormaliseAJoinerIntoTypedDetails() {
        // Given
        Map<String, Object> fields = with(Samples.joiner(), "type", "joiner", "givenName", "  Zoe\u0308 ",
                "eventId", "3F1C2A9E-5B7D-4C1E-9A2B-0D4E6F8A1B2C", "timeZone", "america/new_york",
                "employmentType", "contractor", "preferredName", "");

        // When
        LifecycleSubmission submission = validator.validate(fields, CONTEXT).submission().orElseThrow();

        // Then
        assertThat(submission.eventId()).isEqualTo(UUID.fromString("3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c"));
        assertThat(submission.type()).isEqualTo(EventType.JOINER);
        assertThat(submission.timeZone().getId()).isEqualTo("America/New_York");
        assertThat(submission.effectiveDate()).isEqualTo(LocalDate.of(2027, 3, 22));
        Hire hire = (Hire) submission.details();
        assertThat(hire.person().givenName()).isEqualTo("Zo\u00eb");
        assertThat(hire.person().preferredName()).isEmpty();
        assertThat(hire.position().employmentType()).isEqualTo(EmploymentType.CONTRACTOR);
        assertThat(hire.position().managerPersonId()).contains("p-0042");
        assertThat(hire.pointOfContact().email()).isEqualTo("grace.hopper@example.org");
    }

    @Test
    void shouldAcceptIanaRegionIdsInAnyLetterCase() {
        // Given
        List<String> zones = List.of("UTC", "Europe/Paris", "asia/kolkata", "US/Eastern", "America/Argentina/Salta");

        // When / Then
        assertThat(zones).allSatisfy(zone ->
                assertThat(validator.validate(with(Samples.joiner(), "timeZone", zone), CONTEXT).errors()).isEmpty());
    }

    @Test
    void shouldAcceptEmojiAndNonLatinScriptsInNames() {
        // Given
        Map<String, Object> fields = with(Samples.joiner(), "givenName", "Ren\u00e9e \uD83D\uDE00",
                "familyName", "\u5c71\u7530", "preferredName", "\uD83D\uDC69\u200D\uD83D\uDCBB Ren");

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then
        assertThat(validation.errors()).isEmpty();
        Hire hire = (Hire) validation.submission().orElseThrow().details();
        assertThat(hire.person().givenName()).isEqualTo("Ren\u00e9e \uD83D\uDE00");
        assertThat(hire.person().familyName()).isEqualTo("\u5c71\u7530");
    }

    @Test
    void shouldCountCharactersNotUtf16UnitsAgainstTheLimit() {
        // Given 200 emoji: 400 UTF-16 units, 200 characters
        Map<String, Object> fields = with(Samples.joiner(), "jobTitle", "\uD83D\uDE00".repeat(200));

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then
        assertThat(validation.errors()).isEmpty();
    }

    @Test
    void shouldReportEveryErrorAtOnceNotJustTheFirst() {
        // Given a joiner with four independent problems
        Map<String, Object> fields = with(Samples.joiner(), "givenName", "=cmd()", "agency", "NASA",
                "timeZone", "Mars/Olympus", "contactEmail", ABSENT, "zodiac", "Leo");

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then unknown fields first, then in field order
        assertThat(validation.errors()).extracting(FieldError::field)
                .containsExactly("zodiac", "agency", "timeZone", "givenName", "contactEmail");
    }

    @Test
    void shouldStillCheckEveryFieldWhenTheTypeIsMissing() {
        // Given
        Map<String, Object> fields = with(Samples.joiner(), "type", ABSENT, "givenName", "@SUM(1)",
                "effectiveDate", "2026-02-30");

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then
        assertThat(validation.errors()).containsExactly(
                new FieldError("type", "is required"),
                new FieldError("effectiveDate", "is not a calendar date"),
                new FieldError("givenName", TextRules.FORMULA));
    }

    @Test
    void shouldTruncateAHugeUnknownFieldNameAndNeverEchoValues() {
        // Given
        String hugeName = "x".repeat(100_000) + "\u202E";
        Map<String, Object> fields = with(Samples.joiner(), hugeName, "y".repeat(100_000));

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then
        FieldError error = validation.errors().get(0);
        assertThat(error.field()).hasSizeLessThanOrEqualTo(41).startsWith("xxxx").endsWith("…");
        assertThat(error.reason()).isEqualTo("is not a known field");
    }

    @Test
    void shouldTreatBlankValuesAsAbsentAsAnEmptyCsvCellIs() {
        // Given a JOINER with blank cells in columns of other types
        Map<String, Object> fields = with(Samples.joiner(), "leaveReason", "", "immediate", " ", "cancelReason", "",
                "changedAttributes", List.of());

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then
        assertThat(validation.errors()).isEmpty();
    }

    @Test
    void shouldAcceptBooleansAsJsonBooleansOrAsTrueFalseText() {
        // Given
        Map<String, Object> asBoolean = with(Samples.leaver(), "immediate", true, "effectiveDate", "2027-03-01");
        Map<String, Object> asText = with(asBoolean, "immediate", "TRUE");

        // When
        Leave fromJson = (Leave) validator.validate(asBoolean, CONTEXT).submission().orElseThrow().details();
        Leave fromCsv = (Leave) validator.validate(asText, CONTEXT).submission().orElseThrow().details();

        // Then
        assertThat(fromJson.immediate()).isTrue();
        assertThat(fromCsv).isEqualTo(fromJson);
    }

    @Test
    void shouldJudgeAnImmediateTerminationByTodayInThePersonsZone() {
        // Given 03:00 UTC on 1 March: already 1 March in Paris, still 28 February in Los Angeles
        Clock clock = Clock.fixed(Instant.parse("2027-03-01T03:00:00Z"), ZoneOffset.UTC);
        IntakeContext context = new IntakeContext(Samples.AGENCIES, clock, PersonRecords.none());
        Map<String, Object> immediate = with(Samples.leaver(), "immediate", true, "effectiveDate", "2027-03-01");

        // When
        Validation inParis = validator.validate(with(immediate, "timeZone", "Europe/Paris"), context);
        Validation inLosAngeles = validator.validate(with(immediate, "timeZone", "America/Los_Angeles"), context);

        // Then
        assertThat(inParis.isValid()).isTrue();
        assertThat(inLosAngeles.errors())
                .containsExactly(new FieldError("effectiveDate", TimelineRules.IMMEDIATE_IN_FUTURE));
    }

    @Test
    void shouldAcceptALeaverOnTheStartDateAndAnyEventForAnUnknownPerson() {
        // Given
        Map<String, Object> sameDay = with(Samples.leaver(), "effectiveDate", "2027-02-01");
        Map<String, Object> unknownPerson = with(Samples.leaver(), "personId", "p-9999", "effectiveDate", "1990-01-01");

        // When / Then
        assertThat(validator.validate(sameDay, CONTEXT).errors()).isEmpty();
        assertThat(validator.validate(unknownPerson, CONTEXT).errors()).isEmpty();
    }

    @Test
    void shouldReadAVpnRequestIntoItsActionAndNormalisedReason() {
        // Given a grant in lower case, its reason padded and decomposed
        Map<String, Object> fields = with(Samples.vpnGrant(), "vpnAction", "grant", "reason", "  Zoe\u0308's audits ");

        // When
        LifecycleSubmission submission = validator.validate(fields, CONTEXT).submission().orElseThrow();

        // Then
        assertThat(submission.type()).isEqualTo(EventType.VPN_ACCESS);
        assertThat(submission.details()).isEqualTo(new VpnRequest(VpnAction.GRANT, Optional.of("Zo\u00eb's audits")));
    }

    @Test
    void shouldAcceptAVpnRequestWithoutAReason() {
        // When
        Validation validation = validator.validate(with(Samples.vpnGrant(), "reason", ""), CONTEXT);

        // Then
        assertThat(validation.errors()).isEmpty();
        assertThat(((VpnRequest) validation.submission().orElseThrow().details()).reason()).isEmpty();
    }

    @Test
    void shouldLetTheAgencyAPersonMovedOutOfRevokeTheirVpnAccess() {
        // Given a person who moved from EOTSS to DOR
        Map<String, Object> fromEotss = Samples.vpnRevoke();
        Map<String, Object> fromDor = with(Samples.vpnRevoke(), "agency", "DOR");

        // When / Then either agency may revoke (the policy decides whose DSO may send it)
        assertThat(validator.validate(fromEotss, CONTEXT).errors()).isEmpty();
        assertThat(validator.validate(fromDor, CONTEXT).errors()).isEmpty();
    }

    @Test
    void shouldLetAVpnRevokeFollowALeaveAndAGrantRunToTheEndDate() {
        // Given a person who left on 31 January, and one who leaves on 30 June
        Map<String, Object> revokeAfterLeaving = with(Samples.vpnRevoke(), "personId", "p-left");
        Map<String, Object> grantUntilTheEnd = with(Samples.vpnGrant(), "personId", "p-leaving",
                "effectiveDate", "2027-06-30");

        // When / Then (p-left has no agency on record: only the dates are checked)
        assertThat(validator.validate(revokeAfterLeaving, CONTEXT).errors()).isEmpty();
        assertThat(validator.validate(grantUntilTheEnd, CONTEXT).errors()).isEmpty();
    }

    @Test
    void shouldJudgeWhetherTheEndDateHasPassedByTodayInThePersonsZone() {
        // Given a person whose last day is 28 February, at 03:00 UTC on 1 March: already 1 March in Paris,
        // still 28 February in Los Angeles
        Clock clock = Clock.fixed(Instant.parse("2027-03-01T03:00:00Z"), ZoneOffset.UTC);
        PersonRecords records = PersonRecords.of(Map.of("p-last-day",
                new PersonDates(LocalDate.of(2026, 1, 5), LocalDate.of(2027, 2, 28), "EOTSS", java.util.Set.of("EOTSS"))));
        IntakeContext context = new IntakeContext(Samples.AGENCIES, clock, records);
        Map<String, Object> grant = with(Samples.vpnGrant(), "personId", "p-last-day", "effectiveDate", "2027-02-28");

        // When
        Validation inParis = validator.validate(with(grant, "timeZone", "Europe/Paris"), context);
        Validation inLosAngeles = validator.validate(with(grant, "timeZone", "America/Los_Angeles"), context);

        // Then
        assertThat(inParis.errors()).containsExactly(new FieldError("personId", TimelineRules.VPN_PERSON_LEFT));
        assertThat(inLosAngeles.isValid()).isTrue();
    }

    @Test
    void shouldReportEveryWrongFieldOfAVpnRequestAtOnce() {
        // Given a VPN request with four independent problems
        Map<String, Object> fields = with(Samples.vpnGrant(), "vpnAction", ABSENT, "reason", "=cmd()",
                "leaveReason", "RESIGNATION", "vpnReason", "typo");

        // When
        Validation validation = validator.validate(fields, CONTEXT);

        // Then unknown fields first, then in field order
        assertThat(validation.errors()).containsExactly(
                new FieldError("vpnReason", "is not a known field"),
                new FieldError("leaveReason", "does not belong to a VPN_ACCESS"),
                new FieldError("vpnAction", "is required for a VPN_ACCESS"),
                new FieldError("reason", TextRules.FORMULA));
    }

    @Test
    void shouldKeepChangedAttributesDistinctAndInAFixedOrder() {
        // Given
        Map<String, Object> fields = with(Samples.mover(), "changedAttributes",
                List.of("job", "AGENCY", "DEPARTMENT", "JOB"));

        // When
        Move move = (Move) validator.validate(fields, CONTEXT).submission().orElseThrow().details();

        // Then
        assertThat(move.changedAttributes()).containsExactly(
                PositionAttribute.AGENCY, PositionAttribute.DEPARTMENT, PositionAttribute.JOB);
        assertThat(move.transfer()).isTrue();
        assertThat(move.change().department()).contains("Legal");
        assertThat(move.change().location()).isEmpty();
    }

    @Test
    void shouldReadALeaverCancellationWithoutAReason() {
        // Given
        Map<String, Object> fields = with(Samples.leaverCancelled(), "cancelReason", ABSENT);

        // When
        LeaverCancellation details =
                (LeaverCancellation) validator.validate(fields, CONTEXT).submission().orElseThrow().details();

        // Then
        assertThat(details.reason()).isEqualTo(Optional.empty());
        assertThat(details.cancelledEventId()).contains(UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"));
    }

    private static Arguments bad(String given, Map<String, Object> fields, String field, String reasonFragment) {
        return arguments(given, fields, field, reasonFragment);
    }
}
