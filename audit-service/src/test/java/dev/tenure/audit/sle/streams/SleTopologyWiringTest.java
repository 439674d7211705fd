package dev.tenure.audit.sle.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.domain.SleCaseRules;
import dev.tenure.audit.sle.domain.SleSettings;
import dev.tenure.schemas.hr.HrLifecycleEvent;
import dev.tenure.schemas.sle.SleCaseStatus;
import dev.tenure.schemas.sle.SleStatus;
import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** How the SLE topology fits into the service's one Kafka Streams application. */
class SleTopologyWiringTest {

    private static final Instant NOW = Instant.parse("2026-03-20T14:00:00Z");

    @Test
    void shouldNameEveryNodeAndStoreWithTheSlePrefix() {
        TopologyDescription description = SleTopology.build(new SleCaseRules(SleSettings.DEFAULTS),
                new MovableClock(NOW), Duration.ofSeconds(5), SleDriver.SERDES).describe();

        Set<String> nodes = new HashSet<>();
        Set<String> stores = new HashSet<>();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
            nodes.add(node.name());
            if (node instanceof TopologyDescription.Processor processor) {
                stores.addAll(processor.stores());
            }
        }));

        assertThat(description.subtopologies()).hasSize(2);
        assertThat(nodes).allSatisfy(name -> assertThat(name).startsWith("sle-")).hasSize(9);
        assertThat(stores).containsExactlyInAnyOrder(SleTopology.PERSON_CASES_STORE, SleTopology.DUE_INDEX_STORE,
                SleTopology.CASE_STATUS_STORE, SleTopology.CASE_INDEX_STORE, SleTopology.COMPLIANCE_STORE);
    }

    @Test
    void shouldJoinATopologyThatAlreadyReadsItsInputsAsRawBytes() {
        // Given the service's topology, whose audit log reads the same input topics as raw bytes
        Topology topology = new Topology();
        List<String> seenByAuditLog = new ArrayList<>();
        String[] topics = {Topics.HR_LIFECYCLE_EVENTS.name(), Topics.ACCESS_COMMANDS.name(),
                Topics.ACCESS_EVENTS.name(), Topics.EQUIPMENT_EVENTS.name()};
        for (String topic : topics) {
            topology.addSource("audit-" + topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                    topic);
        }
        topology.addProcessor("audit-chain", () -> new Processor<String, byte[], Void, Void>() {
            @Override
            public void process(Record<String, byte[]> record) {
                seenByAuditLog.add(record.key());
            }
        }, IntStream.range(0, topics.length).mapToObj(i -> "audit-" + topics[i]).toArray(String[]::new));

        // When the SLE nodes are added, fed by those sources
        MovableClock clock = new MovableClock(NOW);
        SleTopology.addTo(topology, new SleTopology.Sources("audit-" + topics[0], "audit-" + topics[1],
                "audit-" + topics[2], "audit-" + topics[3]), new SleCaseRules(SleSettings.DEFAULTS), clock,
                Duration.ofSeconds(5), SleDriver.SERDES);

        // Then a leaver reaches both the audit log and the SLE cases
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, SleDriver.properties(), NOW)) {
            TestInputTopic<String, HrLifecycleEvent> hr = driver.createInputTopic(topics[0],
                    Serdes.String().serializer(), SleDriver.LIFECYCLE.serializer());
            TestOutputTopic<String, SleCaseStatus> statuses = driver.createOutputTopic(
                    Topics.SLE_CASE_STATUS.name(), Serdes.String().deserializer(), SleDriver.STATUS.deserializer());
            hr.pipeInput("P-1", SleEvents.leaver("L-1", "P-1", LocalDate.of(2026, 4, 10), SleEvents.NEW_YORK, NOW),
                    NOW);

            assertThat(seenByAuditLog).containsExactly("P-1");
            assertThat(statuses.readValuesToList()).extracting(SleCaseStatus::getCaseId, SleCaseStatus::getStatus)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ACCESS_CUT_ON_END_DATE:EOTSS:L-1", SleStatus.PENDING),
                            org.assertj.core.groups.Tuple.tuple("DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-1", SleStatus.PENDING));
        }
    }

    @Test
    void shouldPutEveryCaseOfOneSleAndAgencyOnOnePartition() {
        // Every case an aggregate counts is on the partition of its SLE and agency, whatever its id
        Set<Integer> partitions = IntStream.range(0, 100)
                .mapToObj(i -> CaseKey.PARTITIONER.partitions(Topics.SLE_CASE_STATUS.name(),
                        new CaseKey("ACCESS_CUT_ON_END_DATE:EOTSS:L-" + i, Sle.ACCESS_CUT_ON_END_DATE, "EOTSS"), null,
                        Topics.SLE_CASE_STATUS.partitions()).orElseThrow())
                .flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(partitions).singleElement()
                .isEqualTo(CaseKey.partitionOf(Sle.ACCESS_CUT_ON_END_DATE, "EOTSS", 6));

        // And the SLEs and agencies spread over the partitions
        Set<Integer> spread = new HashSet<>();
        for (Sle sle : Sle.values()) {
            for (String agency : List.of("EOTSS", "DOR", "DPH", "MassDOT")) {
                spread.add(CaseKey.partitionOf(sle, agency, 6));
            }
        }
        assertThat(spread).hasSizeGreaterThan(3);
    }

    @Test
    void shouldFindTheInstanceOfACaseOrAggregateFromItsStoreKey() {
        int partition = CaseKey.partitionOf(Sle.DEPROVISIONED_WITHIN_14_DAYS, "EOTSS", 6);

        assertThat(SleTopology.QUERY_PARTITIONER.partitions("any", "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:L-1", null, 6))
                .contains(Set.of(partition));
        assertThat(SleTopology.QUERY_PARTITIONER.partitions("any",
                "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:MONTH:2026-04-01", null, 6)).contains(Set.of(partition));
        assertThat(SleTopology.QUERY_PARTITIONER.partitions("any",
                "DEPROVISIONED_WITHIN_14_DAYS:EOTSS:WEEK:2026-04-06", null, 6)).contains(Set.of(partition));
    }
}
