package dev.tenure.audit.sle.streams;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.SleCaseRules;
import dev.tenure.audit.sle.domain.SleSettings;
import dev.tenure.schemas.access.AccessCommand;
import dev.tenure.schemas.access.AccessEvent;
import dev.tenure.schemas.equipment.EquipmentEvent;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.sle.SleCompliance;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.MovableClock;
import dev.tenure.testkit.PlainAvroSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The SLE topology in a TopologyTestDriver, with the service's clock a {@link MovableClock}: {@link #at} sets the
 * time the next records are processed at (and stamps them with it), {@link #passTime} moves the clock and lets the
 * punctuator run. Everything written to sle-case-status and sle-compliance is collected in order.
 */
final class SleDriver implements AutoCloseable {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

    static final PlainAvroSerde<HrLifecycleEvent> LIFECYCLE = new PlainAvroSerde<>(HrLifecycleEvent.class);
    static final PlainAvroSerde<AccessCommand> COMMANDS = new PlainAvroSerde<>(AccessCommand.class);
    static final PlainAvroSerde<AccessEvent> OUTCOMES = new PlainAvroSerde<>(AccessEvent.class);
    static final PlainAvroSerde<EquipmentEvent> EQUIPMENT = new PlainAvroSerde<>(EquipmentEvent.class);
    static final PlainAvroSerde<SleCaseStatus> STATUS = new PlainAvroSerde<>(SleCaseStatus.class);
    static final PlainAvroSerde<SleCompliance> COMPLIANCE = new PlainAvroSerde<>(SleCompliance.class);
    static final SleSerdes SERDES = new SleSerdes(LIFECYCLE, COMMANDS, OUTCOMES, EQUIPMENT, STATUS, COMPLIANCE);

    final MovableClock clock;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, HrLifecycleEvent> lifecycle;
    private final TestInputTopic<String, AccessCommand> commands;
    private final TestInputTopic<String, AccessEvent> outcomes;
    private final TestInputTopic<String, EquipmentEvent> equipment;
    private final TestOutputTopic<String, SleCaseStatus> statusOut;
    private final TestOutputTopic<String, SleCompliance> complianceOut;
    private final List<KeyValue<String, SleCaseStatus>> statuses = new ArrayList<>();
    private final List<KeyValue<String, SleCompliance>> aggregates = new ArrayList<>();

    SleDriver(Instant start) {
        this(start, SleSettings.DEFAULTS);
    }

    SleDriver(Instant start, SleSettings settings) {
        this.clock = new MovableClock(start);
        Topology topology = SleTopology.build(new SleCaseRules(settings), clock, CHECK_INTERVAL, SERDES);
        this.driver = new TopologyTestDriver(topology, properties(), start);
        this.lifecycle = input(Topics.HR_LIFECYCLE_EVENTS.name(), LIFECYCLE);
        this.commands = input(Topics.ACCESS_COMMANDS.name(), COMMANDS);
        this.outcomes = input(Topics.ACCESS_EVENTS.name(), OUTCOMES);
        this.equipment = input(Topics.EQUIPMENT_EVENTS.name(), EQUIPMENT);
        this.statusOut = driver.createOutputTopic(Topics.SLE_CASE_STATUS.name(), Serdes.String().deserializer(),
                STATUS.deserializer());
        this.complianceOut = driver.createOutputTopic(Topics.SLE_COMPLIANCE.name(), Serdes.String().deserializer(),
                COMPLIANCE.deserializer());
    }

    static Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sle-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sle-topology").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private <V extends org.apache.avro.specific.SpecificRecord> TestInputTopic<String, V> input(String topic,
                                                                                PlainAvroSerde<V> serde) {
        return driver.createInputTopic(topic, Serdes.String().serializer(), serde.serializer());
    }

    /** The service's clock reads {@code instant} from now on. */
    SleDriver at(Instant instant) {
        clock.set(instant);
        return this;
    }

    void lifecycle(HrLifecycleEvent event) {
        lifecycle.pipeInput(event.getPersonId(), event, clock.instant());
    }

    void command(AccessCommand command) {
        commands.pipeInput(command.getPersonId(), command, clock.instant());
    }

    void outcome(AccessEvent event) {
        outcomes.pipeInput(event.getPersonId(), event, clock.instant());
    }

    void equipment(EquipmentEvent event) {
        equipment.pipeInput(event.getPersonId(), event, clock.instant());
    }

    /** The clock moves to {@code instant}, and the punctuator gets to run. */
    void passTime(Instant instant) {
        clock.set(instant);
        driver.advanceWallClockTime(CHECK_INTERVAL);
    }

    /** Every sle-case-status record written since the last call. */
    List<KeyValue<String, SleCaseStatus>> newStatuses() {
        List<KeyValue<String, SleCaseStatus>> read = statusOut.readKeyValuesToList();
        statuses.addAll(read);
        return read;
    }

    /** Every sle-compliance record written since the last call. */
    List<KeyValue<String, SleCompliance>> newAggregates() {
        List<KeyValue<String, SleCompliance>> read = complianceOut.readKeyValuesToList();
        aggregates.addAll(read);
        return read;
    }

    /** The latest sle-case-status record per case, as compaction would keep it (a withdrawn case is absent). */
    Map<String, SleCaseStatus> latestStatuses() {
        newStatuses();
        Map<String, SleCaseStatus> latest = new LinkedHashMap<>();
        statuses.forEach(kv -> {
            if (kv.value == null) {
                latest.remove(kv.key);
            } else {
                latest.put(kv.key, kv.value);
            }
        });
        return latest;
    }

    /** The latest sle-compliance record per key, as compaction would keep it. */
    Map<String, SleCompliance> latestAggregates() {
        newAggregates();
        Map<String, SleCompliance> latest = new LinkedHashMap<>();
        aggregates.forEach(kv -> {
            if (kv.value == null) {
                latest.remove(kv.key);
            } else {
                latest.put(kv.key, kv.value);
            }
        });
        return latest;
    }

    KeyValueStore<String, CaseView> caseStore() {
        return driver.getKeyValueStore(SleTopology.CASE_STATUS_STORE);
    }

    KeyValueStore<String, String> caseIndex() {
        return driver.getKeyValueStore(SleTopology.CASE_INDEX_STORE);
    }

    KeyValueStore<String, Compliance> complianceStore() {
        return driver.getKeyValueStore(SleTopology.COMPLIANCE_STORE);
    }

    @Override
    public void close() {
        driver.close();
    }
}
