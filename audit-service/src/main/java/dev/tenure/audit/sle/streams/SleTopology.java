package dev.tenure.audit.sle.streams;

import dev.tenure.audit.sle.domain.CaseView;
import dev.tenure.audit.sle.domain.Compliance;
import dev.tenure.audit.sle.domain.PersonCases;
import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.audit.sle.domain.SleCaseRules;
import dev.tenure.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

/**
 * The SLE compliance topology, in two sub-topologies:
 * <pre>
 * hr-lifecycle-events ─┐
 * access-commands ─────┤
 * access-events ───────┼─▶ sle-cases (stores: sle-person-cases, sle-person-cases-due-index;
 * equipment-events ────┘              wall-clock punctuator) ─▶ sle-case-status
 *                                                                   │ partitioned by SLE and agency
 * sle-case-status ─▶ sle-compliance (stores: sle-case-status-by-case, sle-cases-by-status-agency-due,
 *                                     sle-compliance-by-period) ─▶ sle-compliance
 * </pre>
 * The inputs are keyed by person id and co-partitioned (same count, same key), so one person's events meet in one task
 * and one state. The case statuses are read back from their own compacted topic, whose records are partitioned so that
 * every case of one SLE and agency is on one partition ({@link CaseKey}): the aggregates need no repartition topic.
 *
 * <p>{@link #addTo} adds the nodes and stores to a topology the service builds with its other parts (the audit log);
 * a topic can have only one source node in a topology, so the service passes the source nodes it already has for the
 * inputs, or lets {@link #addSources} add them. Every node and store is named with an {@code sle-} prefix, so a
 * refactor keeps the changelogs and the names never clash with the rest of the application.
 *
 * <p>Interactive queries for the dashboard: {@link #CASE_STATUS_STORE} (case id → {@link CaseView}) and
 * {@link #COMPLIANCE_STORE} ({@code <sle>:<agency>:<WEEK|MONTH>:<first day>} → {@link Compliance}; keys of one SLE,
 * agency and kind sort by date), and {@link #CASE_INDEX_STORE} (the cases by status, agency and due time:
 * {@link CaseIndex}; a range scan per partition, since each partition's keys are in order only among themselves).
 * All are on the instance that owns the case's (or aggregate's) sle-case-status
 * partition, which is chosen by SLE and agency, not by the key's default hash: find it with
 * {@code KafkaStreams.queryMetadataForKey(store, key, SleTopology.QUERY_PARTITIONER)}.
 */
public final class SleTopology {

    public static final String LIFECYCLE_SOURCE = "sle-hr-lifecycle-events-source";
    public static final String ACCESS_COMMANDS_SOURCE = "sle-access-commands-source";
    public static final String ACCESS_EVENTS_SOURCE = "sle-access-events-source";
    public static final String EQUIPMENT_SOURCE = "sle-equipment-events-source";
    public static final String CASES = "sle-cases";
    public static final String CASE_STATUS_SINK = "sle-case-status-sink";
    public static final String CASE_STATUS_SOURCE = "sle-case-status-source";
    public static final String COMPLIANCE = "sle-compliance";
    public static final String COMPLIANCE_SINK = "sle-compliance-sink";

    /** person id → {@link PersonCases}: the cases not final yet, with their work. */
    public static final String PERSON_CASES_STORE = "sle-person-cases";
    /** {@code <15-digit epoch millis>|<person id>} → person id: when each person's cases next need time to pass. */
    public static final String DUE_INDEX_STORE = "sle-person-cases-due-index";
    /** case id → {@link CaseView}: the latest status of every case (queryable). */
    public static final String CASE_STATUS_STORE = "sle-case-status-by-case";
    /** {@link CaseIndex} key → SLE and effective date: the cases by status, agency and due time (queryable). */
    public static final String CASE_INDEX_STORE = "sle-cases-by-status-agency-due";
    /** aggregate key → {@link Compliance}: the counts per SLE, agency, week and month (queryable). */
    public static final String COMPLIANCE_STORE = "sle-compliance-by-period";

    /**
     * The source nodes of the inputs: each gives string keys (person ids) and the Avro record of its topic (or its raw
     * bytes). {@code accessCommands} may be null: then only outcomes tell what had to be done, and a change planned
     * but never attempted goes unnoticed.
     */
    public record Sources(String lifecycleEvents, String accessCommands, String accessEvents, String equipmentEvents) {
        public Sources {
            Objects.requireNonNull(lifecycleEvents, "lifecycleEvents");
            Objects.requireNonNull(accessEvents, "accessEvents");
            Objects.requireNonNull(equipmentEvents, "equipmentEvents");
        }

        String[] names() {
            return Stream.of(lifecycleEvents, accessCommands, accessEvents, equipmentEvents)
                    .filter(Objects::nonNull).toArray(String[]::new);
        }
    }

    /**
     * The partition of sle-case-status whose task holds a key of {@link #CASE_STATUS_STORE} (a case id,
     * {@code <sle>:<agency>:<event id>}) or of {@link #COMPLIANCE_STORE} ({@code <sle>:<agency>:<kind>:<date>}): for
     * interactive queries across instances.
     */
    public static final StreamPartitioner<String, Object> QUERY_PARTITIONER = (topic, key, value, partitions) ->
            Optional.of(Set.of(partitionOfStoreKey(key, partitions)));

    private SleTopology() {
    }

    /** See {@link #QUERY_PARTITIONER}. */
    static int partitionOfStoreKey(String key, int partitions) {
        int first = key.indexOf(':');
        int last = key.lastIndexOf(':');
        int beforeLast = last > 0 ? key.lastIndexOf(':', last - 1) : -1;
        String kind = beforeLast > first ? key.substring(beforeLast + 1, last) : "";
        int agencyEnd = kind.equals("WEEK") || kind.equals("MONTH") ? beforeLast : last;
        if (first < 0 || agencyEnd <= first) {
            throw new IllegalArgumentException("not a case id nor an aggregate key: " + key);
        }
        return CaseKey.partitionOf(Sle.valueOf(key.substring(0, first)), key.substring(first + 1, agencyEnd),
                partitions);
    }

    /** A topology with the SLE nodes only: for tests, or a service that runs nothing else. */
    public static Topology build(SleCaseRules rules, Clock clock, Duration checkInterval, SleSerdes serdes) {
        Topology topology = new Topology();
        return addTo(topology, addSources(topology, serdes), rules, clock, checkInterval, serdes);
    }

    /** Adds named sources for the four inputs, for a topology that has none for them yet. */
    public static Sources addSources(Topology topology, SleSerdes serdes) {
        topology.addSource(LIFECYCLE_SOURCE, Serdes.String().deserializer(), serdes.lifecycleEvents().deserializer(),
                Topics.HR_LIFECYCLE_EVENTS.name());
        topology.addSource(ACCESS_COMMANDS_SOURCE, Serdes.String().deserializer(),
                serdes.accessCommands().deserializer(), Topics.ACCESS_COMMANDS.name());
        topology.addSource(ACCESS_EVENTS_SOURCE, Serdes.String().deserializer(), serdes.accessEvents().deserializer(),
                Topics.ACCESS_EVENTS.name());
        topology.addSource(EQUIPMENT_SOURCE, Serdes.String().deserializer(), serdes.equipmentEvents().deserializer(),
                Topics.EQUIPMENT_EVENTS.name());
        return new Sources(LIFECYCLE_SOURCE, ACCESS_COMMANDS_SOURCE, ACCESS_EVENTS_SOURCE, EQUIPMENT_SOURCE);
    }

    /**
     * Adds the SLE processors, stores and sinks to {@code topology}, fed by {@code sources}.
     *
     * @param clock         the service's clock (injectable, possibly accelerated): the time cases are decided at
     * @param checkInterval how often (wall-clock) the punctuator looks for cases come due: the most a decision can
     *                      lag behind a due time
     */
    public static Topology addTo(Topology topology, Sources sources, SleCaseRules rules, Clock clock,
                                 Duration checkInterval, SleSerdes serdes) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(clock, "clock");
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("checkInterval must be positive, not " + checkInterval);
        }
        topology.addProcessor(CASES, () -> new SleCaseProcessor(rules, clock, checkInterval,
                serdes.inputDeserializers()), sources.names());
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERSON_CASES_STORE),
                Serdes.String(), new JsonSerde<>(PersonCases.class)), CASES);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_INDEX_STORE),
                Serdes.String(), Serdes.String()), CASES);
        topology.addSink(CASE_STATUS_SINK, Topics.SLE_CASE_STATUS.name(), CaseKey.SERIALIZER,
                serdes.caseStatus().serializer(), CaseKey.PARTITIONER, CASES);

        topology.addSource(CASE_STATUS_SOURCE, Serdes.String().deserializer(), serdes.caseStatus().deserializer(),
                Topics.SLE_CASE_STATUS.name());
        topology.addProcessor(COMPLIANCE, () -> new SleComplianceProcessor(rules.settings(), clock),
                CASE_STATUS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASE_STATUS_STORE),
                Serdes.String(), new JsonSerde<>(CaseView.class)), COMPLIANCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASE_INDEX_STORE),
                Serdes.String(), Serdes.String()), COMPLIANCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COMPLIANCE_STORE),
                Serdes.String(), new JsonSerde<>(Compliance.class)), COMPLIANCE);
        topology.addSink(COMPLIANCE_SINK, Topics.SLE_COMPLIANCE.name(), Serdes.String().serializer(),
                serdes.compliance().serializer(), COMPLIANCE);
        return topology;
    }
}
