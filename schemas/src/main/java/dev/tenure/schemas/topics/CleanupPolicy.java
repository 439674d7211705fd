package dev.tenure.schemas.topics;

/** Kafka's {@code cleanup.policy} of a topic. */
public enum CleanupPolicy {
    /** Records are kept for the topic's retention, then deleted. */
    DELETE("delete"),
    /** Only the latest record per key is kept. */
    COMPACT("compact");

    /** The topic config that holds the policy. */
    public static final String CONFIG = "cleanup.policy";

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@value #CONFIG} for this policy. */
    public String configValue() {
        return configValue;
    }
}
