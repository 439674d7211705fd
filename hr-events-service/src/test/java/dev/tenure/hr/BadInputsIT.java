package dev.tenure.hr;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenure.hr.ledger.IntakeLedger;
import dev.tenure.hr.support.HrTopic;
import dev.tenure.hr.support.HrTopicReader;
import dev.tenure.hr.support.Http;
import dev.tenure.hr.support.IntakeTestResource;
import dev.tenure.hr.support.RoleTokens;
import dev.tenure.hr.support.SampleEvents;
import dev.tenure.hr.support.Tokens;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.testkit.TenurePeers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request the intake must refuse, one row each, with the status and the field (or problem type) it
 * deserves; and, after all of them, proof on the real broker that not one record was written.
 */
@QuarkusTest
@QuarkusTestResource(value = IntakeTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputsIT {

    private static final String EVENTS = "/api/v1/lifecycle-events";
    private static final String IMPORTS = EVENTS + "/imports";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String PROBLEMS = "https://tenure.dev/problems/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A person whose joiner (starting on {@link #START}) is accepted before the table runs. */
    private static final String STARTED_PERSON = SampleEvents.newPersonId();
    private static final LocalDate TODAY = LocalDate.now();
    private static final LocalDate START = TODAY.plusDays(30);
    /** What no answer may echo back: the hostile characters and payloads the table sends. */
    private static final String[] NEVER_ECHOED = {"\u202E", "\u0000", "\u200D", "cmd", "SUM(", "HYPERLINK"};

    @TestHTTPResource("/")
    URI root;

    private long endOffsetsBefore;
    private Map<TopicPartition, Long> highWatermarksBefore;

    @BeforeAll
    void publishTheStartedPersonsJoinerThenRecordTheEndOffsets() {
        // (Readiness.awaitReady() uses rest-assured, which Quarkus points at the service only before each test.)
        Http.awaitReady(root, Duration.ofSeconds(60));
        // The end-before-start case needs a person whose start date the intake knows: that joiner is published
        // here, before the baseline, so the table itself must publish nothing at all.
        Map<String, Object> joiner = SampleEvents.joiner("EOTSS", STARTED_PERSON);
        joiner.put("effectiveDate", START.toString());
        HttpResponse<String> accepted = Http.postJson(root, Tokens.hris(), joiner);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        // (An import by an earlier test may still have its transaction markers to write: those must not count.)
        reader().awaitQuiescent(Duration.ofSeconds(60));
        endOffsetsBefore = HrTopic.endOffsets();
        highWatermarksBefore = reader().highWatermarks();
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequests")
    void shouldRefuseEachBadRequestWithItsStatusAndField(BadRequest bad) {
        // Given one bad request (see the table)

        // When it is sent
        HttpResponse<String> answer = bad.send(root);

        // Then it is refused with the expected status and problem, naming the field (and CSV line) at fault
        bad.expectation().check(answer);
    }

    @Order(2)
    @Test
    void shouldHavePublishedNothingForAnyOfTheBadRequests() {
        // Given the end offsets of hr-lifecycle-events recorded before the table ran (see @BeforeAll)

        // When every bad request has been answered (the table above ran first)

        // Then the topic is exactly as it was: no record is visible that was not there before...
        assertThat(HrTopic.endOffsets())
                .as(() -> "published by the bad requests: " + describe(reader().readFrom(highWatermarksBefore)))
                .isEqualTo(endOffsetsBefore);
        // ...and not one record was written at all (committed, aborted, or in a transaction still open)
        assertThat(reader().highWatermarks()).as("high watermarks").isEqualTo(highWatermarksBefore);
    }

    Stream<Arguments> badRequests() {
        List<Arguments> cases = new ArrayList<>();

        // --- not one JSON object -------------------------------------------------------------------------------
        cases.add(refused("an empty body", post(JSON, new byte[0]), 400, "empty-body"));
        cases.add(refused("a body of white space only", post(JSON, bytes("  \n\t ")), 400, "empty-body"));
        cases.add(refused("a JSON array holding a valid event", post(JSON, bytes("[" + text(joiner()) + "]")),
                400, "malformed-json"));
        cases.add(refused("a JSON string", post(JSON, bytes("\"JOINER\"")), 400, "malformed-json"));
        cases.add(refused("trailing content after the object", post(JSON, bytes(text(joiner()) + " trailing!")), 400,
                "malformed-json"));
        cases.add(refused("two objects in one body", post(JSON, bytes(text(joiner()) + text(joiner()))), 400,
                "malformed-json"));
        cases.add(refused("bytes that are not UTF-8 inside a JSON string", post(JSON, invalidUtf8Json()), 400,
                "malformed-json"));
        cases.add(refused("a body over 64 KiB in bytes (60,000 two-byte characters)",
                json(with(joiner(), "familyName", "\u00E9".repeat(60_000))), 413, "too-large"));
        cases.add(refused("the JSON literal null", post(JSON, bytes("null")), 400, "malformed-json"));
        String whole = text(joiner());
        cases.add(refused("a truncated object", post(JSON, bytes(whole.substring(0, whole.length() / 2))),
                400, "malformed-json"));
        cases.add(refused("a duplicate key (personId twice)",
                post(JSON, bytes(whole.substring(0, whole.length() - 1) + ",\"personId\":\"p-someone-else\"}")),
                400, "malformed-json"));
        cases.add(refused("5,000 nested arrays", post(JSON, bytes("[".repeat(5000) + "]".repeat(5000))),
                400, "malformed-json"));
        cases.add(refused("5,000 nested arrays as a field's value",
                json(with(joiner(), "givenName", raw("[".repeat(5000) + "]".repeat(5000)))), 400, "malformed-json"));
        cases.add(refused("a 1,000-digit number", json(with(joiner(), "personId", raw("9".repeat(1000)))),
                400, "malformed-json"));
        cases.add(refused("NaN", json(with(joiner(), "personId", raw("NaN"))), 400, "malformed-json"));
        cases.add(refused("an unescaped NUL byte inside a string",
                json(with(joiner(), "givenName", raw("\"Al\u0000ice\""))), 400, "malformed-json"));

        // --- wrong JSON types, hostile numbers, nulls ------------------------------------------------------------
        cases.add(invalid("1e308 where the personId string belongs", with(joiner(), "personId", raw("1e308")),
                "personId"));
        cases.add(invalid("99999999999999999999 as a JSON number for effectiveDate",
                with(joiner(), "effectiveDate", raw("99999999999999999999")), "effectiveDate"));
        cases.add(invalid("a boolean eventId", with(joiner(), "eventId", raw("true")), "eventId"));
        cases.add(invalid("an object as givenName", with(joiner(), "givenName", raw("{\"first\":\"Al\"}")),
                "givenName"));
        cases.add(invalid("nested arrays (within the depth limit) as givenName",
                with(joiner(), "givenName", raw("[[[\"Al\"]]]")), "givenName"));
        cases.add(invalid("a null personId", with(joiner(), "personId", raw("null")), "personId"));
        cases.add(invalid("a null type", with(joiner(), "type", raw("null")), "type"));
        cases.add(invalid("immediate as \"yes\"", with(leaver(TODAY), "immediate", "yes"), "immediate"));
        cases.add(invalid("changedAttributes as a string, not an array",
                with(mover(), "changedAttributes", "DEPARTMENT"), "changedAttributes"));
        cases.add(invalid("17 changedAttributes", with(mover(), "changedAttributes",
                Collections.nCopies(17, "DEPARTMENT")), "changedAttributes"));

        // --- Unicode edge cases ----------------------------------------------------------------------------------
        cases.add(invalid("a right-to-left override (U+202E) in givenName",
                with(joiner(), "givenName", "Alice\u202Ecod.exe"), "givenName"));
        cases.add(invalid("an escaped NUL (\\u0000) in familyName", with(joiner(), "familyName", "O'Brien\u0000"),
                "familyName"));
        cases.add(invalid("a zero-width joiner (U+200D) in personId",
                with(joiner(), "personId", "p-\u200D" + UUID.randomUUID().toString().substring(0, 8)), "personId"));
        cases.add(invalid("a 300-character givenName", with(joiner(), "givenName", "A".repeat(300)), "givenName"));
        cases.add(invalid("201 emoji (402 UTF-16 units) as givenName",
                with(joiner(), "givenName", "\uD83D\uDE00".repeat(201)), "givenName"));
        cases.add(invalid("a 60,000-character familyName (the body still under 64 KiB)",
                with(joiner(), "familyName", "B".repeat(60_000)), "familyName"));
        cases.add(invalid("an unpaired surrogate (\\ud800) in givenName",
                with(joiner(), "givenName", raw("\"Ann\\ud800\"")), "givenName"));
        cases.add(invalid("a line separator (U+2028) in jobTitle", with(joiner(), "jobTitle", "Analyst\u2028II"),
                "jobTitle"));
        cases.add(invalid("a C1 control (U+0085) in location", with(joiner(), "location", "Boston\u0085"),
                "location"));
        cases.add(invalid("a non-ASCII personId", with(joiner(), "personId", "Zo\u00EB-1"), "personId"));
        cases.add(invalid("an unknown field whose name hides a bidi override",
                with(joiner(), "\u202Eevil", "x"), "?evil"));

        // --- CSV / formula injection in free text and ids --------------------------------------------------------
        cases.add(invalid("=cmd() as givenName", with(joiner(), "givenName", "=cmd()"), "givenName"));
        cases.add(invalid("+1 as department", with(joiner(), "department", "+1"), "department"));
        cases.add(invalid("@SUM(A1) as jobTitle", with(joiner(), "jobTitle", "@SUM(A1)"), "jobTitle"));
        cases.add(invalid("-2+3 as location", with(joiner(), "location", "-2+3"), "location"));
        cases.add(invalid("a formula behind a leading space in contactName",
                with(joiner(), "contactName", " =HYPERLINK(\"http://evil.example\",\"x\")"), "contactName"));
        cases.add(invalid("a formula behind a leading tab in familyName", with(joiner(), "familyName", "\t=1+1"),
                "familyName"));
        cases.add(invalid("@SUM(A1) as preferredName", with(joiner(), "preferredName", "@SUM(A1)"),
                "preferredName"));
        cases.add(invalid("=1+1 as personId", with(joiner(), "personId", "=1+1"), "personId"));
        cases.add(invalid("-1 as managerPersonId", with(joiner(), "managerPersonId", "-1"), "managerPersonId"));
        cases.add(invalid("=cmd() as a leaver cancellation's reason", with(leaverCancellation(), "cancelReason",
                "=cmd()"), "cancelReason"));

        // --- fields: unknown, misplaced, missing, malformed ------------------------------------------------------
        cases.add(invalid("an unknown field", with(joiner(), "nickname", "Al"), "nickname"));
        cases.add(invalid("a field name in the wrong case (Type)", renamed(joiner(), "type", "Type"), "Type"));
        cases.add(invalid("a leaver's field on a joiner", with(joiner(), "leaveReason", "RESIGNATION"),
                "leaveReason"));
        cases.add(invalid("an empty object", new LinkedHashMap<>(), "eventId"));
        cases.add(invalid("no eventId", without(joiner(), "eventId"), "eventId"));
        cases.add(invalid("an eventId that is not a UUID", with(joiner(), "eventId", "not-a-uuid"), "eventId"));
        cases.add(invalid("the nil UUID as eventId", with(joiner(), "eventId", "00000000-0000-0000-0000-000000000000"),
                "eventId"));
        cases.add(invalid("an unknown type", with(joiner(), "type", "FIRED"), "type"));
        cases.add(invalid("a date that does not exist (2026-02-30)", with(joiner(), "effectiveDate", "2026-02-30"),
                "effectiveDate"));
        cases.add(invalid("a date without leading zeros (2026-2-3)", with(joiner(), "effectiveDate", "2026-2-3"),
                "effectiveDate"));
        cases.add(invalid("a date before 1900", with(joiner(), "effectiveDate", "1899-12-31"), "effectiveDate"));
        cases.add(invalid("an unknown zone (Mars/Olympus)", with(joiner(), "timeZone", "Mars/Olympus"), "timeZone"));
        cases.add(invalid("an offset instead of a zone (+05:00)", with(joiner(), "timeZone", "+05:00"), "timeZone"));
        cases.add(invalid("an abbreviation instead of a zone (EST)", with(joiner(), "timeZone", "EST"), "timeZone"));
        cases.add(invalid("an unknown agency", with(joiner(), "agency", "NASA"), "agency"));
        cases.add(invalid("a joiner without givenName", without(joiner(), "givenName"), "givenName"));
        cases.add(invalid("a joiner whose givenName is blank", with(joiner(), "givenName", "   "), "givenName"));
        cases.add(invalid("a joiner without contactEmail", without(joiner(), "contactEmail"), "contactEmail"));
        cases.add(invalid("a joiner with a contactEmail that is not one",
                with(joiner(), "contactEmail", "not-an-email"), "contactEmail"));
        cases.add(invalid("an unknown employmentType", with(joiner(), "employmentType", "FREELANCER"),
                "employmentType"));
        cases.add(invalid("a leaver without leaveReason", without(leaver(TODAY.plusDays(20)), "leaveReason"),
                "leaveReason"));
        cases.add(invalid("a joiner cancellation without cancelReason", without(joinerCancellation(), "cancelReason"),
                "cancelReason"));
        cases.add(invalid("a mover that changes nothing", moverChangingNothing(), "type"));
        cases.add(invalid("a transfer whose changedAttributes lack AGENCY", with(with(mover(), "transfer", raw("true")),
                "changedAttributes", List.of("DEPARTMENT")), "changedAttributes"));
        cases.add(invalid("a mover of an unknown person stating only the department", mover(), "personId"));
        cases.add(invalid("a start date change whose previousDate is the new date",
                with(startDateChange(), "previousDate", START.plusDays(7).toString()), "previousDate"));

        // --- the person's timeline -------------------------------------------------------------------------------
        cases.add(invalid("a leaver dated before the person's start",
                leaverOf(STARTED_PERSON, START.minusDays(1)), "effectiveDate"));
        cases.add(invalid("an immediate termination dated in the future",
                with(leaver(TODAY.plusDays(7)), "immediate", raw("true")), "effectiveDate"));

        // --- VPN requests (sent by the DSO of EOTSS, the started person's agency) ----------------------------------
        cases.add(dsoInvalid("a VPN request without vpnAction", without(vpnGrant(), "vpnAction"), "vpnAction"));
        cases.add(dsoInvalid("a VPN request whose vpnAction is SUSPEND", with(vpnGrant(), "vpnAction", "SUSPEND"),
                "vpnAction"));
        cases.add(dsoInvalid("a VPN request for a person the intake does not know",
                with(vpnGrant(), "personId", SampleEvents.newPersonId()), "personId"));
        cases.add(dsoInvalid("a VPN grant from before the person's start",
                with(vpnGrant(), "effectiveDate", START.minusDays(1).toString()), "effectiveDate"));
        cases.add(dsoInvalid("=cmd() as a VPN request's reason", with(vpnGrant(), "reason", "=cmd()"), "reason"));
        cases.add(dsoInvalid("a bidi override in a VPN request's reason",
                with(vpnGrant(), "reason", "ok\u202Eexe.vpn"), "reason"));
        cases.add(dsoInvalid("a joiner's field on a VPN request", with(vpnGrant(), "givenName", "Alice"),
                "givenName"));
        cases.add(invalid("a VPN reason on a leaver", with(leaver(TODAY.plusDays(20)), "reason", "VPN"), "reason"));

        // --- size, media type, caller --------------------------------------------------------------------------
        cases.add(refused("a body over 64 KiB", json(with(joiner(), "familyName", "B".repeat(70_000))),
                413, "too-large"));
        cases.add(refused("text/plain instead of JSON", post("text/plain", body(joiner())), 415,
                "unsupported-media-type"));
        cases.add(refused("application/xml instead of JSON", post("application/xml", body(joiner())), 415,
                "unsupported-media-type"));
        cases.add(refused("no token", post(null, JSON, body(joiner())), 401, null));
        cases.add(refused("a token signed by an untrusted key", post(Tokens.forged(), JSON, body(joiner())), 401,
                null));
        cases.add(refused("an expired token", post(Tokens.expired(), JSON, body(joiner())), 401, null));
        cases.add(refused("a coordinator (DPC) of another agency",
                post(Tokens.coordinator("DOR"), JSON, body(joiner())), 403, "forbidden"));
        cases.add(refused("a security officer (DSO) submitting a joiner",
                post(Tokens.dso("EOTSS"), JSON, body(joiner())), 403, "forbidden"));
        cases.add(refused("a security officer (DSO) of another agency submitting a VPN request",
                post(Tokens.dso("DOR"), JSON, body(vpnGrant())), 403, "forbidden"));
        cases.add(refused("a coordinator (DPC) of the person's agency submitting a VPN request",
                post(Tokens.coordinator("EOTSS"), JSON, body(vpnGrant())), 403, "forbidden"));
        cases.add(refused("an auditor submitting a VPN request", post(Tokens.auditor(), JSON, body(vpnGrant())),
                403, "forbidden"));
        cases.add(refused("an auditor, who may not submit", post(Tokens.auditor(), JSON, body(joiner())), 403,
                "forbidden"));
        cases.add(refused("a token without a Tenure role",
                post(RoleTokens.withoutATenureRole(), JSON, body(joiner())), 403, "no-role"));
        cases.add(refused("a coordinator's token without an agency",
                post(RoleTokens.coordinatorWithoutAgency(), JSON, body(joiner())), 403, "no-role"));

        // --- CSV imports -----------------------------------------------------------------------------------------
        cases.add(csvInvalid("CSV: an unknown header column",
                LEAVER_HEADER + ",nickname\n" + leaverRow(SampleEvents.newPersonId(), "DCR") + ",Al\n",
                1, "nickname"));
        cases.add(csvInvalid("CSV: an unterminated quote, named by its line",
                LEAVER_HEADER + "\n" + leaverRow(SampleEvents.newPersonId(), "DCR") + "\n"
                        + UUID.randomUUID() + ",LEAVER," + SampleEvents.newPersonId()
                        + ",DCR,2030-06-30,America/New_York,\"RESIGNATION\n",
                3, "leaveReason"));
        cases.add(csvInvalid("CSV: a formula (DDE) cell",
                JOINER_HEADER + "\n" + joinerRow(SampleEvents.newPersonId(), "\"=cmd|' /C calc'!A0\"") + "\n",
                2, "givenName"));
        cases.add(csvInvalid("CSV: a formula behind a leading space",
                JOINER_HEADER + "\n" + joinerRow(SampleEvents.newPersonId(), " @SUM(A1)") + "\n", 2, "givenName"));
        cases.add(csvInvalid("CSV: a bidi override in a name",
                JOINER_HEADER + "\n" + joinerRow(SampleEvents.newPersonId(), "Alice\u202Ecod.exe") + "\n",
                2, "givenName"));
        cases.add(csvInvalid("CSV: a required column missing",
                "eventId,type,personId,agency,effectiveDate,leaveReason\n", 1, "timeZone"));
        cases.add(csvInvalid("CSV: a column named twice",
                "eventId,type,personId,agency,agency,effectiveDate,timeZone,leaveReason\n", 1, "agency"));
        cases.add(csvInvalid("CSV: a quote inside an unquoted cell",
                LEAVER_HEADER + "\n" + UUID.randomUUID() + ",LEAVER," + SampleEvents.newPersonId()
                        + ",DCR,2030-06-30,America/New_York,RESIG\"NATION\n", 2, "leaveReason"));
        cases.add(csvInvalid("CSV: a row with fewer cells than the header",
                LEAVER_HEADER + "\n" + UUID.randomUUID() + ",LEAVER," + SampleEvents.newPersonId() + ",DCR\n",
                2, null));
        String eventId = UUID.randomUUID().toString();
        cases.add(csvInvalid("CSV: one eventId on two rows",
                LEAVER_HEADER + "\n" + eventId + ",LEAVER," + SampleEvents.newPersonId()
                        + ",DCR,2030-06-30,America/New_York,RESIGNATION\n"
                        + eventId + ",LEAVER," + SampleEvents.newPersonId()
                        + ",DCR,2030-06-30,America/New_York,RESIGNATION\n", 3, "eventId"));
        cases.add(csvInvalid("CSV: a valid row, then a bad one (nothing of the file is published)",
                LEAVER_HEADER + "\n" + leaverRow(SampleEvents.newPersonId(), "DCR") + "\n"
                        + leaverRow(SampleEvents.newPersonId(), "NASA") + "\n", 3, "agency"));
        cases.add(csvInvalid("CSV: bytes that are not UTF-8 on line 2, in givenName", invalidUtf8Csv(), 2, "givenName"));
        cases.add(csvInvalid("CSV: an empty file", "", 1, null));
        cases.add(csvInvalid("CSV: a record over 16,384 characters",
                JOINER_HEADER + "\n" + joinerRow(SampleEvents.newPersonId(), "\"" + "A".repeat(20_000) + "\"") + "\n",
                2, null));
        cases.add(refusedWithError("CSV: a coordinator importing another agency's rows",
                new Request(IMPORTS, Tokens.coordinator("DOR"), CSV,
                        bytes(LEAVER_HEADER + "\n" + leaverRow(SampleEvents.newPersonId(), "DCR") + "\n")),
                403, "forbidden", 2, "agency"));
        cases.add(refusedWithError("CSV: a security officer importing a joiner",
                new Request(IMPORTS, Tokens.dso("DCR"), CSV,
                        bytes(JOINER_HEADER + "\n" + joinerRow(SampleEvents.newPersonId(), "Ana") + "\n")),
                403, "forbidden", 2, "agency"));
        cases.add(refused("CSV: sent as application/json",
                new Request(IMPORTS, Tokens.hris(), JSON,
                        bytes(LEAVER_HEADER + "\n" + leaverRow(SampleEvents.newPersonId(), "DCR") + "\n")),
                415, "unsupported-media-type"));
        cases.add(refused("CSV: no token", new Request(IMPORTS, null, CSV,
                bytes(LEAVER_HEADER + "\n" + leaverRow(SampleEvents.newPersonId(), "DCR") + "\n")), 401, null));
        return cases.stream();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The table's vocabulary

    /** One request: where, with which token and Content-Type (either may be absent), and the exact bytes. */
    record Request(String path, String token, String contentType, byte[] body) {
    }

    /** What a bad request must get: a status, the problem type, and an error naming this field and/or CSV line. */
    record Expectation(int status, String slug, Integer line, String field) {

        void check(HttpResponse<String> answer) {
            String body = answer.body();
            assertThat(answer.statusCode()).as("status; body: %s", body).isEqualTo(status);
            assertThat(body).as("the answer echoes nothing hostile").doesNotContain(NEVER_ECHOED);
            if (status == 401) {
                assertThat(answer.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate").hasValue("Bearer");
                return;
            }
            assertThat(answer.headers().firstValue("Content-Type")).as("Content-Type")
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = Http.json(answer);
            assertThat(problem.path("type").asText()).as("problem type; body: %s", body).isEqualTo(PROBLEMS + slug);
            assertThat(problem.path("status").asInt()).as("problem status").isEqualTo(status);
            if (field != null || line != null) {
                List<String> errors = new ArrayList<>();
                problem.path("errors").forEach(e -> errors.add(
                        (e.has("line") ? "line " + e.get("line").asInt() + " " : "") + e.path("field").asText("-")));
                assertThat(errors).as("errors; body: %s", body).contains(
                        (line == null ? "" : "line " + line + " ") + (field == null ? "-" : field));
            }
        }
    }

    /** A row of the table: the request and what it must get. */
    record BadRequest(Request request, Expectation expectation) {

        HttpResponse<String> send(URI root) {
            return Http.post(root, request.path(), request.token(), request.contentType(), request.body());
        }
    }

    /** A JSON value written into the body verbatim (a number too big, a literal, deliberately broken text). */
    record Raw(String json) {
    }

    private static Arguments invalid(String name, Map<String, Object> event, String field) {
        return row(name, new Request(EVENTS, Tokens.hris(), JSON, body(event)),
                new Expectation(422, "invalid-event", null, field));
    }

    /** A VPN request, sent by the DSO of its agency, that is invalid in {@code field}. */
    private static Arguments dsoInvalid(String name, Map<String, Object> event, String field) {
        return row(name, new Request(EVENTS, Tokens.dso((String) event.get("agency")), JSON, body(event)),
                new Expectation(422, "invalid-event", null, field));
    }

    private static Arguments refused(String name, Request request, int status, String slug) {
        return row(name, request, new Expectation(status, slug, null, null));
    }

    private static Arguments refusedWithError(String name, Request request, int status, String slug, int line,
                                              String field) {
        return row(name, request, new Expectation(status, slug, line, field));
    }

    private static Arguments csvInvalid(String name, Object csv, Integer line, String field) {
        byte[] bytes = csv instanceof byte[] raw ? raw : bytes((String) csv);
        return row(name, new Request(IMPORTS, Tokens.hris(), CSV, bytes),
                new Expectation(422, "invalid-file", line, field));
    }

    private static Arguments row(String name, Request request, Expectation expectation) {
        return Arguments.of(Named.of(name, new BadRequest(request, expectation)));
    }

    private static Request post(String contentType, byte[] body) {
        return post(Tokens.hris(), contentType, body);
    }

    private static Request post(String token, String contentType, byte[] body) {
        return new Request(EVENTS, token, contentType, body);
    }

    private static Request json(Map<String, Object> event) {
        return post(JSON, body(event));
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Valid events to spoil one field at a time; every one is about a new person

    private static Map<String, Object> joiner() {
        return SampleEvents.joiner("EOTSS", SampleEvents.newPersonId());
    }

    private static Map<String, Object> leaver(LocalDate endDate) {
        return SampleEvents.leaver("EOTSS", SampleEvents.newPersonId(), endDate);
    }

    private static Map<String, Object> leaverOf(String personId, LocalDate endDate) {
        return SampleEvents.leaver("EOTSS", personId, endDate);
    }

    /** A VPN grant for the started person (of EOTSS) from their start date: valid as it is. */
    private static Map<String, Object> vpnGrant() {
        return SampleEvents.vpnRequest("EOTSS", STARTED_PERSON, START, "GRANT");
    }

    private static Map<String, Object> mover() {
        Map<String, Object> event = moverChangingNothing();
        event.put("department", "Audit");
        return event;
    }

    private static Map<String, Object> moverChangingNothing() {
        return envelope("MOVER", START);
    }

    private static Map<String, Object> startDateChange() {
        return envelope("START_DATE_CHANGED", START.plusDays(7));
    }

    private static Map<String, Object> joinerCancellation() {
        Map<String, Object> event = envelope("JOINER_CANCELLED", START);
        event.put("cancelReason", "NO_SHOW");
        return event;
    }

    private static Map<String, Object> leaverCancellation() {
        return envelope("LEAVER_CANCELLED", START);
    }

    private static Map<String, Object> envelope(String type, LocalDate effectiveDate) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("personId", SampleEvents.newPersonId());
        event.put("agency", "EOTSS");
        event.put("effectiveDate", effectiveDate.toString());
        event.put("timeZone", "America/New_York");
        return event;
    }

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        event.put(field, value);
        return event;
    }

    private static Map<String, Object> without(Map<String, Object> event, String field) {
        event.remove(field);
        return event;
    }

    private static Map<String, Object> renamed(Map<String, Object> event, String from, String to) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        event.forEach((name, value) -> renamed.put(name.equals(from) ? to : name, value));
        return renamed;
    }

    private static Raw raw(String json) {
        return new Raw(json);
    }

    /** The event as a JSON object, with {@link Raw} values written verbatim. */
    private static String text(Map<String, Object> event) {
        StringBuilder out = new StringBuilder("{");
        event.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':').append(value instanceof Raw raw ? raw.json() : quote(value));
        });
        return out.append('}').toString();
    }

    private static byte[] body(Map<String, Object> event) {
        return bytes(text(event));
    }

    private static String quote(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // CSV

    private static final String LEAVER_HEADER = "eventId,type,personId,agency,effectiveDate,timeZone,leaveReason";
    private static final String JOINER_HEADER = "eventId,type,personId,agency,effectiveDate,timeZone,givenName,"
            + "familyName,department,jobCode,jobTitle,location,employmentType,contactName,contactEmail";

    private static String leaverRow(String personId, String agency) {
        return UUID.randomUUID() + ",LEAVER," + personId + "," + agency + ",2030-06-30,America/New_York,RESIGNATION";
    }

    /** A joiner row; {@code givenName} is written as is (quote it yourself when it needs quotes). */
    private static String joinerRow(String personId, String givenName) {
        return UUID.randomUUID() + ",JOINER," + personId + ",DCR,2030-03-02,America/New_York," + givenName
                + ",Jones,Parks,PR-1,Ranger,Boston,EMPLOYEE,Carol Lead,carol@example.gov";
    }

    /** A header, then a joiner row whose name holds a byte that cannot start or continue a UTF-8 sequence. */
    private static byte[] invalidUtf8Csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(JOINER_HEADER + "\n"));
        String row = joinerRow(SampleEvents.newPersonId(), "Jos_");
        int at = row.indexOf("Jos_") + 3;
        out.writeBytes(bytes(row.substring(0, at)));
        out.write(0xFF);
        out.writeBytes(bytes(row.substring(at + 1) + "\n"));
        return out.toByteArray();
    }

    /** A valid joiner whose givenName holds a lead byte (0xC3) not followed by a continuation byte. */
    private static byte[] invalidUtf8Json() {
        byte[] body = body(with(joiner(), "givenName", "Jos_"));
        String latin1 = new String(body, ISO_8859_1);
        body[latin1.indexOf("Jos_") + 3] = (byte) 0xC3;
        return body;
    }

    // ----------------------------------------------------------------------------------------------------------------

    private static HrTopicReader reader() {
        return new HrTopicReader(TenurePeers.shared().bootstrapServers(), TenurePeers.shared().registryUrl());
    }

    private static String describe(List<ConsumerRecord<String, HrLifecycleEvent>> records) {
        return records.stream().map(r -> r.key() + "@" + r.partition() + ":" + r.offset() + " "
                + IntakeLedger.typeOf(r.value()) + " " + r.value().getEventId()).toList().toString();
    }
}
