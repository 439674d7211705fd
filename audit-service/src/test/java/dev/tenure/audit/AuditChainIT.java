package dev.tenure.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tenure.audit.cli.AuditVerifyMain;
import dev.tenure.audit.domain.AuditEntry;
import dev.tenure.audit.domain.Evidence;
import dev.tenure.audit.domain.EvidenceVerifier;
import dev.tenure.audit.domain.Finding;
import dev.tenure.audit.domain.LoggedEntry;
import dev.tenure.audit.domain.Verification;
import dev.tenure.audit.evidence.EvidenceCsv;
import dev.tenure.audit.evidence.EvidenceJson;
import dev.tenure.audit.support.AuditLogTopics;
import dev.tenure.audit.support.AuditTestResource;
import dev.tenure.audit.support.AuditedEvents;
import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentChange;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.equipment.EquipmentState;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import dev.tenure.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The audit chain on the real broker and registry: real lifecycle, access and equipment events in, the audit log
 * verified intact over HTTP and from the command line, a person's evidence exported and re-verified offline; then
 * copies of the log with one field edited, one record dropped, two swapped, the tail cut — and the verifier names the
 * record each time.
 */
@DisabledIfSystemProperty(named = "tenure.crash-jvm", matches = "true")
@QuarkusTest
@QuarkusTestResource(value = AuditTestResource.class, restrictToAnnotatedClass = true)
class AuditChainIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String AUDITOR = TestTokens.sign("auditor-ines", "auditor", null);

    private static String carol;
    private static List<String> carolsEvents;
    private static Instant published;
    private static Map<Integer, List<LoggedEntry>> log;

    @BeforeEach
    void eventsAudited() throws Exception {
        if (log != null) {
            return;
        }
        // Given the chain runs, and Carol joins, gets an account and a laptop, leaves, is cut off and hands it back,
        // among 40 other people's events
        AuditLogTopics.awaitReady();
        published = Instant.now();
        carol = AuditedEvents.newPersonId("P-CAROL");
        HrLifecycleEvent joiner = AuditedEvents.joiner(carol, LocalDate.parse("2027-03-01"), "workday");
        HrLifecycleEvent leaver = AuditedEvents.leaver(carol, LocalDate.parse("2027-06-30"), "workday");
        AccessEvent created = AuditedEvents.access(carol, AccessAction.ACCOUNT_CREATED, "directory", null,
                Instant.parse("2027-02-20T12:00:00Z"), joiner.getEventId());
        AccessEvent disabled = AuditedEvents.access(carol, AccessAction.ACCOUNT_DISABLED, "directory", null,
                Instant.parse("2027-06-30T21:00:00Z"), leaver.getEventId());
        EquipmentEvent delivered = AuditedEvents.equipment(carol, EquipmentChange.DELIVERED, EquipmentState.DELIVERED,
                "MA-1", "deskside-ann");
        EquipmentEvent collected = AuditedEvents.equipment(carol, EquipmentChange.COLLECTED, EquipmentState.COLLECTED,
                "MA-1", "deskside-bob");
        publish(Topics.HR_LIFECYCLE_EVENTS.name(), HrLifecycleEvent.class, carol, joiner);
        publish(Topics.ACCESS_EVENTS.name(), AccessEvent.class, carol, created);
        publish(Topics.EQUIPMENT_EVENTS.name(), EquipmentEvent.class, carol, delivered);
        publish(Topics.HR_LIFECYCLE_EVENTS.name(), HrLifecycleEvent.class, carol, leaver);
        publish(Topics.ACCESS_EVENTS.name(), AccessEvent.class, carol, disabled);
        publish(Topics.EQUIPMENT_EVENTS.name(), EquipmentEvent.class, carol, collected);
        carolsEvents = List.of(joiner.getEventId(), created.getEventId(), delivered.getEventId(),
                leaver.getEventId(), disabled.getEventId(), collected.getEventId());
        Set<String> all = new HashSet<>(carolsEvents);
        List<Map.Entry<String, AccessEvent>> others = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String other = AuditedEvents.newPersonId("P-OTHER");
            AccessEvent event = AuditedEvents.access(other, AccessAction.ENTITLEMENT_GRANTED, "directory",
                    "GG-Staff", Instant.now(), null);
            others.add(Map.entry(other, event));
            all.add(event.getEventId());
        }
        AuditLogTopics.publish(AuditLogTopics.serialized(Topics.ACCESS_EVENTS.name(), AccessEvent.class, others),
                "other people's access events");
        log = AuditLogTopics.awaitAudited(all, WAIT);
        AuditLogTopics.awaitCheckpointed(WAIT);
    }

    @Test
    void shouldVerifyTheLiveLogIntactOverHttp() {
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("chains.size()", equalTo(Topics.AUDIT_LOG.partitions()))
                .body("summary", org.hamcrest.Matchers.endsWith("INTACT"));
    }

    @Test
    void shouldAnswerOnlyAuditors() {
        given().when().get("/api/v1/audit/verification").then().statusCode(401);
        given().auth().oauth2(TestTokens.forged("mallory", "auditor")).when().get("/api/v1/audit/verification")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.sign("helpdesk-1", "helpdesk", null)).when()
                .get("/api/v1/audit/people/" + carol + "/evidence").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://tenure.dev/problems/forbidden"));
    }

    @Test
    void shouldRecordWhoDidWhatToCarolInOrderAndExportItForOfflineVerification() throws Exception {
        // When Carol's evidence is exported as JSON
        String json = given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/people/" + carol + "/evidence")
                .then().statusCode(200).contentType("application/json").extract().asString();
        Evidence evidence = EvidenceJson.read(json);

        // Then it holds her six records in the order they happened, who did each and why
        List<AuditEntry> records = evidence.records().stream().map(LoggedEntry::entry).toList();
        assertThat(records).extracting(AuditEntry::action).containsExactly("EmployeeJoined", "ACCOUNT_CREATED:DONE",
                "DELIVERED", "EmployeeLeft", "ACCOUNT_DISABLED:DONE", "COLLECTED");
        assertThat(records).extracting(AuditEntry::actor).containsExactly("HRIS:workday", "access-service",
                "deskside-ann", "HRIS:workday", "access-service", "deskside-bob");
        assertThat(records).extracting(AuditEntry::causationId).containsExactlyElementsOf(carolsEvents);
        assertThat(records.get(4).effectiveAt()).isEqualTo(Instant.parse("2027-06-30T21:00:00Z"));
        assertThat(records).extracting(AuditEntry::sequence).isSorted();

        // And it re-verifies offline, as JSON and as CSV, anchored on the published checkpoint of her chain
        assertThat(EvidenceVerifier.verify(evidence).intact()).isTrue();
        assertThat(evidence.anchors()).singleElement().satisfies(a -> {
            assertThat(a.partition()).isEqualTo(evidence.records().get(0).partition());
            assertThat(a.sequence()).isGreaterThanOrEqualTo(records.get(5).sequence());
            assertThat(AuditLogTopics.reader().checkpoints(Topics.AUDIT_CHECKPOINTS.name())).contains(a);
        });
        String csv = given().auth().oauth2(AUDITOR).queryParam("format", "csv").when()
                .get("/api/v1/audit/people/" + carol + "/evidence").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(EvidenceCsv.read(csv)).usingRecursiveComparison().ignoringFields("exportedAt").isEqualTo(evidence);

        // And the command-line tool says so of the file, and names the record when the file is edited
        Path dir = Files.createDirectories(Path.of("target/audit-chain-it"));
        Path file = Files.writeString(dir.resolve("carol.json"), json);
        assertThat(cli("--evidence", file.toString())).startsWith("0:").endsWith("INTACT\n");
        Path edited = Files.writeString(dir.resolve("carol-edited.csv"), csv.replace("deskside-bob", "deskside-eve"));
        assertThat(cli("--evidence", edited.toString())).startsWith("1:")
                .contains("sequence " + records.get(5).sequence()).contains("EDITED").endsWith("TAMPERED\n");
    }

    @Test
    void shouldExportAPeriodAndRefuseABadOne() {
        String json = given().auth().oauth2(AUDITOR).queryParam("from", published.minusSeconds(1).toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString()).when().get("/api/v1/audit/evidence")
                .then().statusCode(200).extract().asString();
        Evidence evidence = EvidenceJson.read(json);
        assertThat(evidence.records()).hasSizeGreaterThanOrEqualTo(46);
        assertThat(EvidenceVerifier.verify(evidence).intact()).isTrue();

        given().auth().oauth2(AUDITOR).queryParam("from", "yesterday").queryParam("to", "today").when()
                .get("/api/v1/audit/evidence").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://tenure.dev/problems/invalid-period"));
    }

    @Test
    void shouldFindAnUntouchedCopyIntactAndACopyWithItsTailCutTruncated() {
        // Given an untouched copy of the log
        String copy = copyOf(records -> records);

        // Then it verifies intact against the published checkpoints, from the command line too
        assertThat(verify(copy).intact()).isTrue();
        assertThat(cli("--bootstrap-servers", TenurePeers.shared().bootstrapServers(), "--registry-url",
                TenurePeers.shared().registryUrl(), "--topic", copy)).startsWith("0:").endsWith("INTACT\n");

        // And a copy without the last record of the longest chain is truncated at that record
        int longest = longestChain();
        long last = log.get(longest).size() - 1;
        Finding finding = findingOf(copyOf(partition(longest, records -> records.subList(0, records.size() - 1))));
        assertThat(finding).extracting(Finding::kind, Finding::partition, Finding::sequence)
                .containsExactly(Finding.Kind.TRUNCATED, longest, last);
    }

    @Test
    void shouldNameTheRecordWithOneEditedField() {
        int longest = longestChain();
        String copy = copyOf(partition(longest, records -> {
            List<ConsumerRecord<String, byte[]>> changed = new ArrayList<>(records);
            changed.set(2, AuditLogTopics.edited(records.get(2), r -> {
                r.put("actor", "mallory");
                return r;
            }));
            return changed;
        }));

        Finding finding = findingOf(copy);

        assertThat(finding).extracting(Finding::kind, Finding::partition, Finding::sequence)
                .containsExactly(Finding.Kind.EDITED, longest, 2L);
        assertThat(cli("--bootstrap-servers", TenurePeers.shared().bootstrapServers(), "--registry-url",
                TenurePeers.shared().registryUrl(), "--topic", copy))
                .startsWith("1:").contains("partition " + longest + ", sequence 2 (offset 2): EDITED");
    }

    @Test
    void shouldNameTheDroppedRecord() {
        int longest = longestChain();
        String copy = copyOf(partition(longest, records -> {
            List<ConsumerRecord<String, byte[]>> changed = new ArrayList<>(records);
            changed.remove(3);
            return changed;
        }));

        assertThat(findingOf(copy)).extracting(Finding::kind, Finding::partition, Finding::sequence)
                .containsExactly(Finding.Kind.REMOVED, longest, 3L);
    }

    @Test
    void shouldNameTheSwappedRecords() {
        int longest = longestChain();
        String copy = copyOf(partition(longest, records -> {
            List<ConsumerRecord<String, byte[]>> changed = new ArrayList<>(records);
            Collections.swap(changed, 1, 2);
            return changed;
        }));

        Finding finding = findingOf(copy);

        assertThat(finding).extracting(Finding::kind, Finding::partition, Finding::sequence, Finding::offset)
                .containsExactly(Finding.Kind.REORDERED, longest, 1L, 2L);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> void publish(String topic, Class<T> type,
                                                                                   String key, T value) {
        AuditLogTopics.publish(topic, type, Map.of(key, value));
    }

    private static int longestChain() {
        int longest = log.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow()
                .getKey();
        assertThat(log.get(longest)).as("records on the longest chain").hasSizeGreaterThanOrEqualTo(5);
        return longest;
    }

    /** Changes only the records of one partition (the topic's partition of each record is kept). */
    private static UnaryOperator<List<ConsumerRecord<String, byte[]>>> partition(
            int partition, UnaryOperator<List<ConsumerRecord<String, byte[]>>> change) {
        return records -> records.isEmpty() || records.get(0).partition() != partition ? records
                : change.apply(records);
    }

    private static String copyOf(UnaryOperator<List<ConsumerRecord<String, byte[]>>> change) {
        String copy = "audit-log-copy-" + UUID.randomUUID().toString().substring(0, 8);
        AuditLogTopics.copy(copy, change);
        return copy;
    }

    private static Verification verify(String topic) {
        return AuditLogTopics.reader().verify(topic, Topics.AUDIT_CHECKPOINTS.name());
    }

    private static Finding findingOf(String topic) {
        Verification verification = verify(topic);
        assertThat(verification.chains().stream().filter(c -> !c.intact())).as(verification.summary()).hasSize(1);
        return verification.firstFinding().orElseThrow();
    }

    /** The command-line tool's exit code and output, as "code:output". */
    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditVerifyMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + ":" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
