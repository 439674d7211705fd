package dev.tenure.audit.dashboard;

import dev.tenure.schemas.access.AccessAction;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.access.AccessOutcome;
import dev.tenure.schemas.hr.Contact;
import dev.tenure.schemas.hr.EmployeeJoined;
import dev.tenure.schemas.hr.EmployeeLeft;
import dev.tenure.schemas.hr.EmploymentType;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.hr.LeaveReason;
import dev.tenure.schemas.hr.Position;
import dev.tenure.schemas.hr.Submitter;
import dev.tenure.schemas.hr.SubmitterKind;
import dev.tenure.schemas.serde.RegistryAvroSerializer;
import dev.tenure.schemas.topics.TopicSpec;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.TenurePeers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One agency's recent lifecycle, published to the real topics as hr-events-service and access-service write them, in
 * an agency of its own so the numbers are exact whatever else the shared broker holds. In New York, today:
 * <ul>
 *   <li>leavers A and B, ten days ago, submitted a month ahead: A's account disabled at 18:00 on the end date (cut-off
 *   met), B's never (cut-off missed, deprovisioning due in about five days: at risk);</li>
 *   <li>joiner C, five days ago, submitted 40 days ahead, nothing provisioned (missed); joiner D, submitted three
 *   days before the start (late submission).</li>
 * </ul>
 * {@link #disableB} then brings the outcome of B's disable, done at 19:00 on the end date: the cut-off becomes met.
 */
final class DashboardScenario {

    static final String ZONE = "America/New_York";

    final String agency;
    final LocalDate today = LocalDate.now(ZoneId.of(ZONE));
    final LocalDate end = today.minusDays(10);
    final LocalDate start = today.minusDays(5);
    final String personA;
    final String personB;
    final String personC;
    final String personD;

    /** In an agency of its own ({@code AG} and six random characters). */
    DashboardScenario() {
        this("AG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT));
    }

    DashboardScenario(String agency) {
        this.agency = agency;
        this.personA = agency + "-A";
        this.personB = agency + "-B";
        this.personC = agency + "-C";
        this.personD = agency + "-D";
    }

    String leaverEvent(String person) {
        return "L-" + person;
    }

    String cutCase(String person) {
        return "ACCESS_CUT_ON_END_DATE:" + agency + ":" + leaverEvent(person);
    }

    String deprovisioningCase(String person) {
        return "DEPROVISIONED_WITHIN_14_DAYS:" + agency + ":" + leaverEvent(person);
    }

    String provisioningCase(String person) {
        return "PROVISIONED_BEFORE_START:" + agency + ":J-" + person;
    }

    void publishHistory() {
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.HR_LIFECYCLE_EVENTS, personA, leaver(personA, monthAgo));
            send(producer, Topics.HR_LIFECYCLE_EVENTS, personB, leaver(personB, monthAgo));
            send(producer, Topics.HR_LIFECYCLE_EVENTS, personC, joiner(personC, Instant.now().minus(Duration.ofDays(40))));
            send(producer, Topics.HR_LIFECYCLE_EVENTS, personD,
                    joiner(personD, start.minusDays(3).atTime(LocalTime.NOON).atZone(ZoneId.of(ZONE)).toInstant()));
            send(producer, Topics.ACCESS_EVENTS, personA, disabled(personA, 18));
            producer.flush();
        }
    }

    /** The outcome of B's disable, done on the end date at 19:00, arriving now. */
    void disableB() {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.ACCESS_EVENTS, personB, disabled(personB, 19));
            producer.flush();
        }
    }

    private HrLifecycleEvent leaver(String person, Instant submitted) {
        return envelope(leaverEvent(person), person, end, submitted, EmployeeLeft.newBuilder().setEndDate(end)
                .setReason(LeaveReason.RESIGNATION).setImmediate(false).build());
    }

    private HrLifecycleEvent joiner(String person, Instant submitted) {
        return envelope("J-" + person, person, start, submitted, EmployeeJoined.newBuilder()
                .setGivenName("Alice").setFamilyName("Nakamura").setStartDate(start)
                .setPosition(Position.newBuilder().setAgency(agency).setDepartment("Infrastructure Services")
                        .setJobCode("IT-ENG-2").setJobTitle("Systems Engineer").setLocation("Boston")
                        .setTimeZone(ZONE).setManagerPersonId(null).setEmploymentType(EmploymentType.EMPLOYEE)
                        .build())
                .setPointOfContact(Contact.newBuilder().setName("Dana").setEmail("dana@example.test").build())
                .build());
    }

    private HrLifecycleEvent envelope(String eventId, String person, LocalDate effective, Instant submitted,
                                      Object payload) {
        return HrLifecycleEvent.newBuilder()
                .setEventId(eventId).setPersonId(person).setOccurredAt(submitted).setSubmittedAt(submitted)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.HRIS).setPrincipal("workday")
                        .setAgency(agency).build())
                .setAgency(agency).setEffectiveDate(effective).setTimeZone(ZONE).setCausationId(null)
                .setCorrelationId(eventId).setSource("hr-events-service").setPayload(payload)
                .setNoticeDays(null).setLateSubmission(false).setContentDigest(null).build();
    }

    private AccessEvent disabled(String person, int hour) {
        String leaver = leaverEvent(person);
        Instant at = end.atTime(hour, 0).atZone(ZoneId.of(ZONE)).toInstant();
        return AccessEvent.newBuilder()
                .setEventId("o-" + leaver + "-" + hour).setOccurredAt(at).setCausationId(leaver)
                .setCorrelationId(leaver).setSource("access-service").setPersonId(person).setAgency(agency)
                .setTargetSystem("directory").setEntitlement(null).setAction(AccessAction.ACCOUNT_DISABLED)
                .setOutcome(AccessOutcome.DONE).setReason(null).setEffectiveAt(at).setActor("access-service")
                .setActionId(leaver + "/cut-off/account_disabled/account").setDueAt(at).build();
    }

    private static <T extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, TopicSpec<T> topic,
                                                        String key, T value) {
        byte[] bytes = new RegistryAvroSerializer<>(topic, TenurePeers.shared().registryUrl())
                .serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), key, bytes));
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TenurePeers.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
