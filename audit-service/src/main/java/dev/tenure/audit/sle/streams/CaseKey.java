package dev.tenure.audit.sle.streams;

import dev.tenure.audit.sle.domain.Sle;
import dev.tenure.schemas.sle.SleCaseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The key of an sle-case-status record on its way out: the case id is what is written; the SLE and agency choose the
 * partition, so every case of one SLE and agency — every case one aggregate counts — is on one partition, and the
 * aggregates are kept without a repartition topic. A case's SLE and agency never change, so all records of one case
 * (its tombstone too) land on the same partition, as compaction needs.
 */
record CaseKey(String caseId, Sle sle, String agency) {

    /** Writes the case id only. */
    static final Serializer<CaseKey> SERIALIZER = (topic, key) -> key == null ? null
            : key.caseId().getBytes(StandardCharsets.UTF_8);

    /** The partition of every case of one SLE and agency. */
    static final StreamPartitioner<CaseKey, SleCaseStatus> PARTITIONER = (topic, key, value, partitions) ->
            Optional.of(Set.of(partitionOf(key.sle(), key.agency(), partitions)));

    static int partitionOf(Sle sle, String agency, int partitions) {
        return Math.floorMod((sle.name() + ":" + agency).hashCode(), partitions);
    }
}
