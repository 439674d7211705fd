package dev.tenure.schemas.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a topic is: its name, the Avro record its values hold, what its key is, how it is
 * created, and the one service allowed to write to it.
 *
 * @param name         lowercase, hyphenated topic name
 * @param valueType    the generated Avro class of the record values
 * @param key          what the (string) record key holds, e.g. "person id"
 * @param partitions   partition count
 * @param cleanupPolicy delete or compact
 * @param configs      topic configs to create it with; always includes {@code cleanup.policy}
 * @param writer       the single service that writes to the topic
 */
public record TopicSpec<V extends SpecificRecord>(
        String name,
        Class<V> valueType,
        String key,
        int partitions,
        CleanupPolicy cleanupPolicy,
        Map<String, String> configs,
        String writer) {

    /** Apicurio's TopicIdStrategy names a topic's value schema artifact "<topic>-value". */
    private static final String VALUE_ARTIFACT_SUFFIX = "-value";

    public TopicSpec {
        TopicNames.requireValid(name);
        Objects.requireNonNull(valueType, "valueType");
        requireText(key, "key");
        requireText(writer, "writer");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition, not " + partitions);
        }
        configs = withCleanupPolicy(name, Objects.requireNonNull(configs, "configs"), cleanupPolicy);
    }

    /** The Avro schema of the values: the generated class's {@code SCHEMA$}. */
    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueType);
    }

    /** The registry artifact id of the value schema, as Apicurio's TopicIdStrategy derives it. */
    public String valueSchemaArtifactId() {
        return name + VALUE_ARTIFACT_SUFFIX;
    }

    private static Map<String, String> withCleanupPolicy(String name, Map<String, String> configs, CleanupPolicy policy) {
        String declared = configs.get(CleanupPolicy.CONFIG);
        if (declared != null && !declared.equals(policy.configValue())) {
            throw new IllegalArgumentException("Topic " + name + " declares cleanup policy " + policy
                    + " but its configs say " + CleanupPolicy.CONFIG + "=" + declared);
        }
        Map<String, String> merged = new LinkedHashMap<>(configs);
        merged.put(CleanupPolicy.CONFIG, policy.configValue());
        return Map.copyOf(merged);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
